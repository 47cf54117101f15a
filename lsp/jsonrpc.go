package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// maxMessage bounds one JSON-RPC message. A journey file is at most 8 MiB
// (journey.MaxFileSize); JSON escaping can nearly double it.
const maxMessage = 20 << 20

// JSON-RPC 2.0 error codes (and LSP's own).
const (
	codeParseError       = -32700
	codeInvalidRequest   = -32600
	codeMethodNotFound   = -32601
	codeInvalidParams    = -32602
	codeInternalError    = -32603
	codeServerNotInit    = -32002
	codeRequestCancelled = -32800
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *message) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

func errorf(code int, format string, args ...any) *rpcError {
	return &rpcError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// reader reads Content-Length framed messages.
type reader struct{ r *bufio.Reader }

// errBadHeader is a header block with no usable Content-Length. The reader
// skips it and goes on: the next header block resynchronises the stream.
var errBadHeader = errors.New("a message header without a valid Content-Length")

// read returns the next message body. A body that is not JSON is returned
// as is: the caller answers it with a parse error and goes on.
func (rd *reader) read() ([]byte, error) {
	n := -1
	lines := 0
	for {
		line, err := rd.r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) && line == "" && lines == 0 {
				return nil, io.EOF
			}
			return nil, err
		}
		lines++
		if len(line) > 1<<10 {
			return nil, errBadHeader // a stray body, not a header
		}
		line = strings.TrimRight(line, "\r\n")
		if i := strings.Index(line, "Content-Length:"); i > 0 {
			// The rest of a bad message glued to the next header.
			line, n = line[i:], -1
		}
		if line == "" {
			if lines == 1 {
				lines = 0 // a blank line between messages
				continue
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			v, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || v < 0 {
				n = -2
			} else if n != -2 {
				n = v
			}
		}
		// Other headers (Content-Type) and stray lines are ignored.
	}
	if n < 0 {
		return nil, errBadHeader
	}
	if n > maxMessage {
		// Skip it, so the next message can still be read.
		if _, err := io.CopyN(io.Discard, rd.r, int64(n)); err != nil {
			return nil, err
		}
		return nil, errTooLarge{n}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, err
	}
	return body, nil
}

type errTooLarge struct{ n int }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("message of %d bytes is larger than the %d MiB journeymap accepts", e.n, maxMessage>>20)
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (wr *writer) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	if _, err := fmt.Fprintf(wr.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = wr.w.Write(body)
	return err
}
