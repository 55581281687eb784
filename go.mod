module github.com/attrib/attrib

go 1.26.0
