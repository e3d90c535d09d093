import Testing
@testable import TraceAnalysis

@Suite struct SQLShapeTests {
    @Test(arguments: [
        ("SELECT * FROM items WHERE id = 42", "SELECT * FROM items WHERE id = ?"),
        ("SELECT * FROM items WHERE id=42", "SELECT * FROM items WHERE id=?"),
        ("select name from users where email = 'a@b.c' and age > 3.5", "select name from users where email = ? and age > ?"),
        ("SELECT 'it''s', 'a\\'b'", "SELECT ?, ?"),
        ("SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (?)"),
        ("SELECT * FROM t WHERE id in ('a','b')", "SELECT * FROM t WHERE id in (?)"),
        ("SELECT * FROM t2 WHERE x = 1e10 AND y = 0x1F AND z = -7", "SELECT * FROM t2 WHERE x = ? AND y = ? AND z = -?"),
        ("SELECT \"col1\" FROM `tab2` WHERE a = $1 AND b = :name", "SELECT \"col1\" FROM `tab2` WHERE a = $1 AND b = :name"),
        ("SELECT 1 /* traceparent='00-abc-01' */ -- note 5\nFROM  dual", "SELECT ? FROM dual"),
        ("UPDATE t SET v = .5\n\tWHERE k = 10", "UPDATE t SET v = ? WHERE k = ?"),
    ])
    func stripsLiterals(_ statement: String, _ shape: String) {
        #expect(SQLShape.of(statement) == shape)
    }

    @Test func statementsDifferingOnlyInLiteralsShareAShape() {
        #expect(SQLShape.of("SELECT * FROM orders WHERE user_id = 7 AND status IN ('a', 'b')")
                == SQLShape.of("SELECT  *  FROM orders WHERE user_id = 12345 AND status IN ('c')"))
        #expect(SQLShape.of("SELECT * FROM orders WHERE id = 1") != SQLShape.of("SELECT * FROM users WHERE id = 1"))
    }
}
