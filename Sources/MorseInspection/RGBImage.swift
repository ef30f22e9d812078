/// An 8-bit RGB raster with the few drawing operations previews need.
public struct RGBImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major pixels, 3 bytes each (red, green, blue), top row first.
    public private(set) var pixels: [UInt8]

    /// An image filled with `colour`.
    public init(width: Int, height: Int, colour: RGB = RGB(0, 0, 0)) {
        self.width = max(1, width)
        self.height = max(1, height)
        pixels = [UInt8](repeating: 0, count: self.width * self.height * 3)
        fill(x: 0, y: 0, width: self.width, height: self.height, colour: colour)
    }

    /// The colour at (`x`, `y`).
    public func pixel(x: Int, y: Int) -> RGB {
        let at = (y * width + x) * 3
        return RGB(pixels[at], pixels[at + 1], pixels[at + 2])
    }

    /// Sets one pixel; points outside the image are ignored.
    public mutating func set(x: Int, y: Int, _ colour: RGB) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let at = (y * width + x) * 3
        pixels[at] = colour.red
        pixels[at + 1] = colour.green
        pixels[at + 2] = colour.blue
    }

    /// Fills a rectangle, clipped to the image.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, colour: RGB) {
        for row in max(0, y)..<max(max(0, y), min(height, y + h)) {
            for column in max(0, x)..<max(max(0, x), min(width, x + w)) { set(x: column, y: row, colour) }
        }
    }

    /// Draws `text` in the built-in 5×7 font with its top-left corner at (`x`, `y`), `scale` pixels per font pixel.
    public mutating func draw(_ text: String, x: Int, y: Int, colour: RGB, scale: Int = 1) {
        var left = x
        for character in text {
            for gy in 0..<BitmapFont.height {
                for gx in 0..<BitmapFont.width where BitmapFont.isInk(character, x: gx, y: gy) {
                    fill(x: left + gx * scale, y: y + gy * scale, width: scale, height: scale, colour: colour)
                }
            }
            left += (BitmapFont.width + 1) * scale
        }
    }
}

/// One 8-bit RGB colour.
public struct RGB: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }
}
