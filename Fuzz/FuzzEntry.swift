/// The fuzzing binary's entry point. SwiftPM links an executable's `main` to `trex_fuzz_main`;
/// this hands control to libFuzzer's driver with the chosen target's input function.
///
/// Usage: `trex-fuzz TARGET [libFuzzer options] [corpus directories]` (see docs/fuzzing.md).
@_cdecl("trex_fuzz_main")
func trexFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    let arguments = (0..<Int(argc)).map { argv[$0].map { String(cString: $0) } ?? "" }
    guard arguments.count >= 2, let target = FuzzTarget.named(arguments[1]) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        print("usage: trex-fuzz TARGET [libFuzzer options] [corpus ...]; targets: \(names)")
        return 2
    }
    FuzzTarget.selected = target
    // libFuzzer sees the program name followed by the arguments after the target's name.
    var count = argc - 1
    var shifted: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv + 1
    shifted?.pointee = argv[0]
    return LLVMFuzzerRunDriver(&count, &shifted, fuzzOneInput)
}

/// Runs one input through the selected target. Must never crash: a crash is a bug found.
/// (Exported under libFuzzer's name too, which its archive's unused `main` refers to.)
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    FuzzTarget.selected?.run(bytes)
    return 0
}

/// libFuzzer's driver (compiler-rt's `FuzzerInterface.h`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
