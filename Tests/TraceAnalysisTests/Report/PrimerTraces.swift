import TraceModel
import TestSupport

/// The primer's example traces, as drawings: the checkout with the slow external payment
/// call, the cascading login failure with retries, the asynchronous order pipeline with a
/// producer/consumer hop, and the product page with an N+1 query.
enum PrimerTraces {
    /// One column is 20 ms: the request takes 1.2 s, the payment provider 780 ms of it.
    static let checkoutUnit: Int64 = 20_000_000
    static let checkout = """
        GET/checkout  frontend  [==========================================================]  kind=server
         checkout     frontend   [========================================================]   kind=client
          place-order checkout    [======================================================]    kind=server
           get-cart   checkout     [==]                                                      kind=client
           select     checkout          [=]                                                  kind=client
           charge     checkout              [=====================================]          kind=client
           notify     checkout                                                      []       kind=producer
            email     mailer                                                           [===============]  kind=consumer
           insert     checkout                                                        [=]    kind=client
        """
    static let checkoutAttributes: [String: [String: AttributeValue]] = [
        "charge": ["peer.service": .string("payment-gateway"), "url.full": .string("https://api.pay.example/v1/charge")],
        "select": ["db.system": .string("postgresql"), "db.statement": .string("SELECT qty FROM stock WHERE sku = 'A-1'")],
        "insert": ["db.system": .string("postgresql"), "db.statement": .string("INSERT INTO orders VALUES (1, 'A-1')")],
    ]

    static var checkoutTrace: Trace {
        AnalysisDrawing.trace(checkout, unitNanos: checkoutUnit, attributes: checkoutAttributes)
    }

    /// Login fails: three retries of the auth call, each failing because the user database
    /// timed out.
    static let login = AnalysisDrawing.trace("""
        login        web    [==============================]  kind=server status=error
         auth        web     [======]                         kind=client status=error
          verify     auth     [====]                          kind=server status=error id=verify1
           users     auth      [==]                           kind=client status=error id=users1
         auth2       web              [======]                kind=client status=error name=auth
          verify2    auth              [====]                 kind=server status=error name=verify
           users2    auth               [==]                  kind=client status=error name=users
         auth3       web                       [======]       kind=client status=error name=auth
          verify3    auth                       [====]        kind=server status=error name=verify
           users3    auth                        [==]         kind=client status=error name=users
        """)

    /// An order is accepted at once; fulfilment runs later behind a queue.
    static let orderPipeline = AnalysisDrawing.trace("""
        POST/order   shop       [==========]                      kind=server
         validate    shop        [===]
         publish     shop             [==]                        kind=producer
          process    fulfil              [====================]   kind=consumer
           reserve   fulfil               [======]                kind=client
           ship      fulfil                      [=========]      kind=client
        """)

    /// The product page loads each product's price one query at a time.
    static var productPage: Trace {
        var attributes: [String: [String: AttributeValue]] = [:]
        for i in 1...8 {
            attributes["price\(i)"] = ["db.system": .string("postgresql"),
                                       "db.statement": .string("SELECT amount FROM prices WHERE product_id = \(100 + i)")]
        }
        attributes["list"] = ["db.system": .string("postgresql"), "db.statement": .string("SELECT id FROM products LIMIT 8")]
        return AnalysisDrawing.trace("""
            GET/products catalog [======================================]  kind=server
             list        catalog  [===]                                    kind=client
             price1      catalog       [==]                                kind=client name=SELECT
             price2      catalog           [==]                            kind=client name=SELECT
             price3      catalog               [==]                        kind=client name=SELECT
             price4      catalog                   [===]                   kind=client name=SELECT
             price5      catalog                        [==]               kind=client name=SELECT
             price6      catalog                            [==]           kind=client name=SELECT
             price7      catalog                                [==]       kind=client name=SELECT
             price8      catalog                                    [==]   kind=client name=SELECT
            """, attributes: attributes)
    }
}
