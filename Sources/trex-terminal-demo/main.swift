// A tiny program that exercises the terminal layer end to end: it draws wide text and bars, echoes
// the keys it receives in readable form, and quits on q. The tmux tests in NcursesBackendTests drive it.
#if canImport(Glibc)
import Glibc
#endif
import NcursesBackend
import TerminalCore

let arguments = CommandLine.arguments.dropFirst()
let noColor = arguments.contains("--no-color") || ColorMode.noColorRequested(environment: DemoScreen.environment())

let backend: NcursesBackend
do {
    backend = try NcursesBackend.start(options: NcursesOptions(colorDisabled: noColor, asciiOnly: arguments.contains("--ascii")))
} catch {
    printError("trex-terminal-demo: \(error.message)")
    exit(error.exitCode)
}

let state = DemoState(warnings: backend.warnings, pid: Int(getpid()))
let loop = TerminalLoop<String>(backend: backend)
let exitReason = loop.run(
    handle: { event in state.handle(event) },
    render: { frame in DemoScreen(state: state, capabilities: backend.capabilities).render(into: &frame) }
)
backend.shutdown()
for warning in backend.warnings { printError("trex-terminal-demo: warning: \(warning)") }
exit(exitReason.exitStatus)
