import TraceModel
import TestSupport

/// Small traces for the UI tests, drawn like the primer's examples.
enum SampleTraces {
    /// The checkout trace: the external payment call is the bottleneck. One unit is 10 ms.
    static func checkout(into f: inout TraceFixture) {
        f.inTrace("checkout")
        TraceDrawing.add("""
            root      frontend  [============================================================]  name=GET_/checkout kind=server
             cart     checkout   [===]                                                          name=cart.get
             order    checkout       [=============================================]            name=POST_/orders
              stock   inventory       [==]                                                      name=database.query
              pay     payment            [======================================]               name=charge status=error
               ext    payment             [====================================]                name=stripe.call kind=client
             notify   mailer                                                          [===]     name=send
            """, to: &f)
    }

    static func login(into f: inout TraceFixture) {
        f.inTrace("login")
        TraceDrawing.add("""
            root      frontend  [==========]  name=POST_/login kind=server status=error
             auth     auth-service [====]     name=verify status=error
            """, to: &f)
    }

    static func table() -> SpanTable {
        var f = TraceFixture(unitNanos: 10_000_000)
        checkout(into: &f)
        login(into: &f)
        return f.build()
    }
}
