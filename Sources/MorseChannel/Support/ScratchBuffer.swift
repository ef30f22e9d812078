import MorseSignal

/// A grow-only block of memory owned by one ``ReceiverChain``, reused from clip to clip.
struct ScratchBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Makes room for `count` elements (contents are not kept when it grows).
    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        capacity = count + count / 4
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}
