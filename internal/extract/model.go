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
)

// The learned tagger: two greedy averaged perceptrons (Collins 2002) over
// hashed features, in the spirit of Citron (Newell et al. 2018), which
// marks cues first and then the source and content spans around them.
// Pass 1 tags cue tokens (O, B, I); pass 2 tags source and content tokens
// (O, B-source, I-source, B-content, I-content) with features relative to
// the cues of pass 1. Both use the rule-based matcher's own cues as a
// feature. The weights are trained by ./train on PolNeAR train (see
// learn.go) and embedded gzipped.

// Tags of pass 1.
const (
	tO = iota
	tBK
	tIK
	nCueTags
)

// Tags of pass 2 (cue tokens take tK and are not scored).
const (
	rO = iota
	rBS
	rIS
	rBC
	rIC
	nRoleTags
	rK = nRoleTags
)

// perceptron is a hashed linear model: weight of feature f for tag t is
// w[(f&mask)*n+t].
type perceptron struct {
	n    int
	bits uint
	w    []float32
}

func newPerceptron(n int, bits uint) *perceptron {
	return &perceptron{n: n, bits: bits, w: make([]float32, n<<bits)}
}

func (p *perceptron) slot(f uint64) int { return int(f&(1<<p.bits-1)) * p.n }

// scores adds the weights of feats into sc (len p.n).
func (p *perceptron) scores(feats []uint64, sc []float32) {
	for t := range sc {
		sc[t] = 0
	}
	for _, f := range feats {
		ws := p.w[p.slot(f) : p.slot(f)+p.n]
		for t, v := range ws {
			sc[t] += v
		}
	}
}

// Model holds the two taggers' weights.
type Model struct {
	cue, role *perceptron
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

const modelMagic = "attrib-tagger-v1"

// WriteTo writes the model gzipped: for each perceptron its sizes and its
// non-zero weights as (index delta, float32) pairs.
func (md *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	gz := gzip.NewWriter(cw)
	bw := bufio.NewWriter(gz)
	if _, err := bw.WriteString(modelMagic); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	for _, p := range []*perceptron{md.cue, md.role} {
		put(uint64(p.n))
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
			var f [4]byte
			binary.LittleEndian.PutUint32(f[:], math.Float32bits(v))
			bw.Write(f[:])
		}
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
		return nil, errors.New("read model: not an attrib tagger model")
	}
	var ps [2]*perceptron
	for k := range ps {
		n, err1 := binary.ReadUvarint(br)
		bits, err2 := binary.ReadUvarint(br)
		nz, err3 := binary.ReadUvarint(br)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		if n == 0 || n > 16 || bits > 24 {
			return nil, errors.New("read model: bad sizes")
		}
		p := newPerceptron(int(n), uint(bits))
		i := 0
		for j := uint64(0); j < nz; j++ {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, fmt.Errorf("read model: %w", err)
			}
			i += int(d)
			var f [4]byte
			if _, err := io.ReadFull(br, f[:]); err != nil {
				return nil, fmt.Errorf("read model: %w", err)
			}
			if i < 0 || i >= len(p.w) {
				return nil, errors.New("read model: weight index out of range")
			}
			p.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(f[:]))
		}
		ps[k] = p
	}
	if ps[0].n != nCueTags || ps[1].n != nRoleTags {
		return nil, errors.New("read model: tag sets differ from this version")
	}
	return &Model{cue: ps[0], role: ps[1]}, nil
}
