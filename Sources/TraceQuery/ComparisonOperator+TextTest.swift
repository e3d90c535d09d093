extension ComparisonOperator {
    /// The operator as the evaluator applies it between a string field's text and a literal:
    /// equality, byte-wise UTF-8 order for `< <= > >=`, a whole-string match of RE2
    /// (`LinearRegex`) for `=~ !~`, substring search for `contains`. Nil when the pattern does not compile.
    ///
    /// For stores that resolve a condition against the distinct values they hold (a regex on
    /// span names becomes the set of names it matches) with exactly the in-memory semantics.
    public func textTest(_ literal: String) -> ((String) -> Bool)? {
        StringMatcher.textTest(self, literal)
    }

    /// `textTest` on UTF-8 bytes read in place (a regex matches them without building a
    /// `String`). Nil when the pattern does not compile.
    public func utf8TextTest(_ literal: String) -> ((UnsafeRawBufferPointer) -> Bool)? {
        StringMatcher.utf8Test(self, literal)
    }
}
