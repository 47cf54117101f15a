package serve

import "sync"

// broker fans the generation of the inputs out to every open page. A slow
// page never blocks the others: each subscriber holds only the newest
// generation it has not read yet.
type broker struct {
	mu     sync.Mutex
	subs   map[chan int]struct{}
	closed bool
}

func newBroker() *broker { return &broker{subs: map[chan int]struct{}{}} }

// subscribe returns a channel of generations and a function that ends the
// subscription. The channel is closed when the server shuts down.
func (b *broker) subscribe() (<-chan int, func()) {
	ch := make(chan int, 1)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		close(ch)
		return ch, func() {}
	}
	b.subs[ch] = struct{}{}
	return ch, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if _, ok := b.subs[ch]; ok {
			delete(b.subs, ch)
			close(ch)
		}
	}
}

func (b *broker) publish(gen int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case <-ch: // drop the unread older generation
		default:
		}
		ch <- gen
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	for ch := range b.subs {
		close(ch)
		delete(b.subs, ch)
	}
}
