package graphviz

// The wire format between journeymap and its layout workers (workers.go,
// serve.go): frames over the worker's standard input and output.
//
//	frame  = magic "JMLW" | kind (1 byte) | length (4 bytes, big-endian) | body
//	body   = field*
//	field  = length (4 bytes, big-endian) | bytes
//
// The magic makes a worker that writes anything else (a stray print, a
// stack trace on the wrong stream) fail at once rather than be read as a
// length; a body is read as it arrives, never allocated from the length
// alone, and is capped at maxFrame.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Frame kinds.
const (
	frameConfig = 'C' // parent → worker, first: protocol, the engine's options as JSON
	frameReady  = 'R' // worker → parent: the engine started; protocol, cache status
	frameLayout = 'L' // parent → worker: layout, format, DOT, time limit in milliseconds
	frameOutput = 'O' // worker → parent: the laid-out bytes
	frameError  = 'E' // worker → parent: error kind, message
)

// Error kinds in an error frame.
const (
	errKindBudget = "budget" // errors.Is(err, ErrBudget) in the worker
	errKindLayout = "layout" // any other error of the layout
)

// protocolVersion changes whenever the frames change, so that a parent and
// a worker of different builds refuse each other.
const protocolVersion = "journeymap-layout-worker/2"

// maxFrame bounds a frame's body: far above any layout of a journey under
// the input limits (the module itself may not use more than 512 MB).
const maxFrame = 512 << 20

var frameMagic = [4]byte{'J', 'M', 'L', 'W'}

// errFrame is a frame that does not follow the format.
var errFrame = errors.New("not a layout-worker frame")

// writeFrame writes one frame of the given kind holding fields.
func writeFrame(w io.Writer, kind byte, fields ...[]byte) error {
	n := 0
	for _, f := range fields {
		n += 4 + len(f)
	}
	if n > maxFrame {
		return fmt.Errorf("layout worker: a frame of %d bytes is over the %d MB limit", n, maxFrame>>20)
	}
	buf := make([]byte, 0, 9+n)
	buf = append(buf, frameMagic[:]...)
	buf = append(buf, kind)
	buf = binary.BigEndian.AppendUint32(buf, uint32(n))
	for _, f := range fields {
		buf = binary.BigEndian.AppendUint32(buf, uint32(len(f)))
		buf = append(buf, f...)
	}
	_, err := w.Write(buf)
	return err
}

// readFrame reads one frame and returns its kind and fields. io.EOF means
// the stream ended cleanly between frames.
func readFrame(r *bufio.Reader) (kind byte, fields [][]byte, err error) {
	var head [9]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return 0, nil, fmt.Errorf("%w: cut short in its header", errFrame)
		}
		return 0, nil, err
	}
	if !bytes.Equal(head[:4], frameMagic[:]) {
		return 0, nil, fmt.Errorf("%w: starts with %q", errFrame, head[:4])
	}
	kind = head[4]
	n := binary.BigEndian.Uint32(head[5:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("%w: %d bytes is over the %d MB limit", errFrame, n, maxFrame>>20)
	}
	// Grow with what arrives, so that a lying length costs nothing.
	var body bytes.Buffer
	if _, err := io.CopyN(&body, r, int64(n)); err != nil {
		return 0, nil, fmt.Errorf("%w: cut short in its body", errFrame)
	}
	b := body.Bytes()
	for len(b) > 0 {
		if len(b) < 4 {
			return 0, nil, fmt.Errorf("%w: a field's length is cut short", errFrame)
		}
		m := binary.BigEndian.Uint32(b)
		b = b[4:]
		if uint64(m) > uint64(len(b)) {
			return 0, nil, fmt.Errorf("%w: a field of %d bytes in %d left", errFrame, m, len(b))
		}
		fields = append(fields, b[:m:m])
		b = b[m:]
	}
	return kind, fields, nil
}

// expectFrame reads a frame that must be of one of the given kinds with
// exactly the given number of fields.
func expectFrame(r *bufio.Reader, want map[byte]int) (byte, [][]byte, error) {
	kind, fields, err := readFrame(r)
	if err != nil {
		return 0, nil, err
	}
	n, ok := want[kind]
	if !ok {
		return 0, nil, fmt.Errorf("%w: unexpected kind %q", errFrame, kind)
	}
	if len(fields) != n {
		return 0, nil, fmt.Errorf("%w: kind %q with %d fields, want %d", errFrame, kind, len(fields), n)
	}
	return kind, fields, nil
}
