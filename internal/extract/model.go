package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"unicode/utf8"
)

// The learned tagger, in the manner of Citron (Newell et al. 2018), which
// marks cues first and then the source and content spans around them.
//
// Pass 1 (cue) is a greedy averaged perceptron (Collins 2002) over hashed
// features, run only on cue candidates: tokens whose word began a cue in
// training often enough (the candidate set, learned) or that are in the
// cue lexicon, continuing token by token while it predicts I; the rules'
// own cues are taken as they are. Pass 2 (role) is a structured averaged
// perceptron decoded with Viterbi over BIO tags (O, B/I-source,
// B/I-content), run only in the sentences that hold a cue the rules did not
// find (see regions): its emission features are hashed and do not depend
// on the previous tag; a small dense table holds the previous tag
// conjoined with low-cardinality context (distances to the cue, quotes,
// sentence start). Both passes see the rule-based matcher's own roles as a
// feature. The weights are trained by ./train on PolNeAR train (see
// learn.go) and embedded gzipped; at load they are quantised to int16 and
// packed so that one feature's tag weights share a cache line and are
// summed together (see qtab).

// Tags of pass 1.
const (
	tO = iota
	tBK
	tIK
	nCueTags
)

// Tags of pass 2 (cue tokens take rK and are not scored).
const (
	rO = iota
	rBS
	rIS
	rBC
	rIC
	nRoleTags
	rK = nRoleTags
)

// Strides of the float weight rows (training and the model file): one
// feature's tag weights side by side.
const (
	cueStride  = 4
	roleStride = 8
)

// perceptron is a hashed linear model used while training: the weight of
// feature f for tag t is w[(f&mask)*stride+t].
type perceptron struct {
	n, stride int
	bits      uint
	w         []float32
}

func newPerceptron(n, stride int, bits uint) *perceptron {
	return &perceptron{n: n, stride: stride, bits: bits, w: make([]float32, stride<<bits)}
}

func (p *perceptron) slot(f uint64) int { return int(f&(1<<p.bits-1)) * p.stride }

// scores adds the weights of feats into sc (len p.n).
func (p *perceptron) scores(feats []uint64, sc []float32) {
	clear(sc)
	for _, f := range feats {
		s := p.slot(f)
		ws := p.w[s : s+p.n]
		for t, v := range ws {
			sc[t] += v
		}
	}
}

// qtab is a perceptron frozen for inference. Each weight is quantised to
// int16, biased by +bias to 16 unsigned bits, and packed three to a
// uint64 in 21-bit lanes (R is [1]uint64 for pass 1's three tags,
// [2]uint64 for pass 2's five): adding up to laneMax rows word by word
// sums every tag at once without a carry reaching the next lane, and the
// exact int32 sums come back by removing n*bias. One row takes 8 or 16
// bytes, so it never straddles a cache line.
type qtab[R [1]uint64 | [2]uint64] struct {
	mask uint64
	rows []R
}

const (
	laneBits = 21
	laneMask = 1<<laneBits - 1
	bias     = 1 << 15
	laneMax  = 1 << (laneBits - 16) // rows that one sum can hold: 32
)

// quantise freezes p: its weights times scale, rounded to int16.
func quantise[R [1]uint64 | [2]uint64](p *perceptron, scale float32) *qtab[R] {
	q := &qtab[R]{mask: 1<<p.bits - 1, rows: make([]R, len(p.w)/p.stride)}
	for i := range q.rows {
		var r [2]uint64
		for t := 0; t < p.n; t++ {
			v := int16(math.Round(float64(p.w[i*p.stride+t] * scale)))
			r[t/3] |= uint64(int32(v)+bias) << (laneBits * (t % 3))
		}
		q.rows[i] = R(r[:len(q.rows[i])])
	}
	return q
}

// lane returns lane k of a sum of n rows as the signed sum of the weights.
func lane(w uint64, k, n int) int32 {
	return int32(w>>(laneBits*k)&laneMask) - int32(n)*bias
}

// scores5 adds the weights of feats for pass 2's five tags.
func scores5(q *qtab[[2]uint64], feats []uint64, sc *[8]int32) {
	*sc = [8]int32{}
	rows, mask := q.rows, q.mask
	for len(feats) > 0 {
		n := min(len(feats), laneMax)
		var x, y uint64
		for _, f := range feats[:n] {
			r := &rows[f&mask]
			x += r[0]
			y += r[1]
		}
		sc[0] += lane(x, 0, n)
		sc[1] += lane(x, 1, n)
		sc[2] += lane(x, 2, n)
		sc[3] += lane(y, 0, n)
		sc[4] += lane(y, 1, n)
		feats = feats[n:]
	}
}

// scores3 adds the weights of feats for pass 1's three tags.
func scores3(q *qtab[[1]uint64], feats []uint64, sc *[8]int32) {
	*sc = [8]int32{}
	rows, mask := q.rows, q.mask
	for len(feats) > 0 {
		n := min(len(feats), laneMax)
		var x uint64
		for _, f := range feats[:n] {
			x += rows[f&mask][0]
		}
		sc[0] += lane(x, 0, n)
		sc[1] += lane(x, 1, n)
		sc[2] += lane(x, 2, n)
		feats = feats[n:]
	}
}

// Model holds the two taggers' weights and the cue candidate set.
type Model struct {
	cand  *hashSet    // word forms that may begin a cue
	cue   *perceptron // pass 1 (float weights, kept for writing)
	role  *perceptron // pass 2 emissions
	dense []float32   // pass 2 transitions: see roleDense
	// Inference copies.
	qcue      *qtab[[1]uint64]
	qrole     *qtab[[2]uint64]
	qdenseF   []float32           // dense, in the quantised emissions' scale
	qtrans    []float32           // transTable(qdenseF)
	ctx       *ctxTabs            // pre-summed rows of small features
	lexCand   *hashMap16          // lexFlags plus flCand|flPass1 on the candidates
	punctCand [utf8.RuneSelf]bool // lexCand's flCand of each ASCII mark
}

// freeze builds the quantised inference tables.
func (md *Model) freeze() {
	maxAbs := func(ws ...[]float32) float32 {
		m := float32(1e-6)
		for _, w := range ws {
			for _, v := range w {
				m = max(m, float32(math.Abs(float64(v))))
			}
		}
		return m
	}
	// A token sums about 24 weights: leave headroom in int32 and keep
	// int16 rows exact enough.
	cs := 32000 / maxAbs(md.cue.w)
	md.qcue = quantise[[1]uint64](md.cue, cs)
	rs := 32000 / maxAbs(md.role.w, md.dense)
	md.qrole = quantise[[2]uint64](md.role, rs)
	md.qdenseF = make([]float32, len(md.dense))
	for i, v := range md.dense {
		md.qdenseF[i] = v * rs
	}
	md.qtrans = transTable(md.qdenseF)
	md.ctx = buildCtxTabs(md.qcue, md.qrole)
	md.lexCand = lexWithCands(md.cand)
	for c := range md.punctCand {
		md.punctCand[c] = md.lexCand.get(punctHash[c])&flCand != 0
	}
}

// lexWithCands is the lexicon flag map with flCand added to the keys of
// cand.
func lexWithCands(cand *hashSet) *hashMap16 {
	keys := cand.keys()
	h := newHashMap16(lexFlags.len() + len(keys))
	for i, k := range lexFlags.k {
		if k != 0 {
			h.put(k, lexFlags.v[i])
		}
	}
	for _, k := range keys {
		h.put(k, h.get(k)|flCand|flPass1)
	}
	return h
}

//go:embed model.bin.gz
var embeddedModel []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// DefaultModel returns the embedded model, or nil when none is shipped or
// it does not decode (the extractor then runs on rules alone).
func DefaultModel() *Model {
	defaultOnce.Do(func() {
		if len(embeddedModel) == 0 {
			return
		}
		m, err := ReadModel(bytes.NewReader(embeddedModel))
		if err == nil {
			defaultModel = m
		}
	})
	return defaultModel
}

const modelMagic = "attrib-tagger-v2"

// WriteTo writes the model gzipped: the candidate set, then for each
// perceptron its sizes and its non-zero weights as (index delta, float32)
// pairs, then the dense transition table.
func (md *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	gz, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(gz)
	bw.WriteString(modelMagic)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	putF := func(v float32) {
		var f [4]byte
		binary.LittleEndian.PutUint32(f[:], math.Float32bits(v))
		bw.Write(f[:])
	}
	keys := md.cand.keys()
	put(uint64(len(keys)))
	for _, k := range keys {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], k)
		bw.Write(b[:])
	}
	for _, p := range []*perceptron{md.cue, md.role} {
		put(uint64(p.n))
		put(uint64(p.stride))
		put(uint64(p.bits))
		nz := 0
		for _, v := range p.w {
			if v != 0 {
				nz++
			}
		}
		put(uint64(nz))
		last := 0
		for i, v := range p.w {
			if v == 0 {
				continue
			}
			put(uint64(i - last))
			last = i
			putF(v)
		}
	}
	put(uint64(len(md.dense)))
	for _, v := range md.dense {
		putF(v)
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	if err := gz.Close(); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	br := bufio.NewReader(gz)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("read model: not an attrib tagger model (v2)")
	}
	readF := func() (float32, error) {
		var f [4]byte
		if _, err := io.ReadFull(br, f[:]); err != nil {
			return 0, err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(f[:])), nil
	}
	nk, err := binary.ReadUvarint(br)
	if err != nil || nk > 1<<20 {
		return nil, fmt.Errorf("read model: candidate set: %w", errors.Join(err, errors.New("bad size")))
	}
	md := &Model{cand: newHashSet(int(nk))}
	for i := uint64(0); i < nk; i++ {
		var b [8]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		md.cand.add(binary.LittleEndian.Uint64(b[:]))
	}
	var ps [2]*perceptron
	for k := range ps {
		n, err1 := binary.ReadUvarint(br)
		stride, err2 := binary.ReadUvarint(br)
		bits, err3 := binary.ReadUvarint(br)
		nz, err4 := binary.ReadUvarint(br)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		if n == 0 || stride < n || stride > 16 || bits > 24 {
			return nil, errors.New("read model: bad sizes")
		}
		p := newPerceptron(int(n), int(stride), uint(bits))
		i := 0
		for j := uint64(0); j < nz; j++ {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, fmt.Errorf("read model: %w", err)
			}
			i += int(d)
			if i < 0 || i >= len(p.w) {
				return nil, errors.New("read model: weight index out of range")
			}
			if p.w[i], err = readF(); err != nil {
				return nil, fmt.Errorf("read model: %w", err)
			}
		}
		ps[k] = p
	}
	if ps[0].n != nCueTags || ps[1].n != nRoleTags || ps[0].stride != cueStride || ps[1].stride != roleStride {
		return nil, errors.New("read model: tag sets differ from this version")
	}
	nd, err := binary.ReadUvarint(br)
	if err != nil || nd != denseSize {
		return nil, fmt.Errorf("read model: transition table: %w", errors.Join(err, errors.New("bad size")))
	}
	md.cue, md.role, md.dense = ps[0], ps[1], make([]float32, nd)
	for i := range md.dense {
		if md.dense[i], err = readF(); err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
	}
	md.freeze()
	return md, nil
}
