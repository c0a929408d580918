package subscriptions

// SetTestHookMessage installs f to see every WebSocket client message on
// the connection's reader goroutine (nil removes it), so tests can make
// that goroutine panic.
func SetTestHookMessage(f func(data []byte)) { testHookMessage = f }
