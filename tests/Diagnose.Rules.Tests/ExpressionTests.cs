using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class ExpressionTests
{
    private static readonly FactSchemaSet Schemas = TestSchemas.Create();
    private static readonly AliasScope Scope = new AliasScope().With("a", 0, Schemas.Get("Ev")).With("b", 1, Schemas.Get("Ev"));

    private static object? Eval(string text, Fact a, Fact b) => Compiler.Compile(text, Scope).Evaluate([a, b]);

    [TestMethod]
    public void Compile_TimeArithmeticAndDurations_ComparesWindows()
    {
        var a = TestSchemas.Ev(Schemas, "N1", 412, 0);
        var b = TestSchemas.Ev(Schemas, "N2", 609, 7);
        Assert.AreEqual(true, Eval("b.time - a.time <= 10m && b.time > a.time", a, b));
        Assert.AreEqual(false, Eval("b.time - a.time < 420s", a, b));
        Assert.AreEqual(true, Eval("a.time + 7m == b.time", a, b));
        Assert.AreEqual(TimeSpan.FromMinutes(7), Eval("b.time - a.time", a, b));
    }

    [TestMethod]
    public void Compile_StringsCompareIgnoringCase_AndSupportMembershipAndMatching()
    {
        var a = TestSchemas.Ev(Schemas, "node1", 412, 0, text: @"HKLM\SYSTEM\CurrentControlSet\Services\MSExchangeDS");
        var b = TestSchemas.Ev(Schemas, "NODE1", 1, 0);
        Assert.AreEqual(true, Eval("a.node == b.node", a, b));
        Assert.AreEqual(true, Eval("a.node in ['x', 'NODE1']", a, b));
        Assert.AreEqual(true, Eval("a.node not in ['x', 'y']", a, b));
        Assert.AreEqual(true, Eval(@"a.text endswith '\services\msexchangeds'", a, b));
        Assert.AreEqual(true, Eval(@"a.text matches 'Services\\MSExchange(DS|IS)$'", a, b));
        Assert.AreEqual(true, Eval("a.text contains 'currentcontrolset'", a, b));
    }

    [TestMethod]
    public void Compile_NullValues_CompareFalseExceptIsNull()
    {
        var a = TestSchemas.Ev(Schemas, "N1", 1, 0);
        var b = TestSchemas.Ev(Schemas, "N1", 2, 0);
        Assert.AreEqual(false, Eval("a.text == 'x'", a, b));
        Assert.AreEqual(false, Eval("a.text != 'x' && a.text < 'x'", a, b));
        Assert.AreEqual(true, Eval("a.text is null && a.node is not null", a, b));
        Assert.AreEqual(true, Eval("!(a.id > 1) && -a.id == -1 && a.id * 3 + 1 == 4", a, b));
    }

    // Issue 13: "the engine's comparisons with a missing value are false for every operator, != included".
    [TestMethod]
    [DataRow("a.text == 'x'")]
    [DataRow("a.text != 'x'")]
    [DataRow("'x' != a.text")]
    [DataRow("a.text != b.text")]
    [DataRow("a.text == b.text")]
    [DataRow("a.text < 'x'")]
    [DataRow("a.text <= 'x'")]
    [DataRow("a.text > 'x'")]
    [DataRow("a.text >= 'x'")]
    [DataRow("a.text in ['x', 'y']")]
    [DataRow("a.text not in ['x', 'y']")]
    [DataRow("a.text matches 'x'")]
    [DataRow("a.text contains 'x'")]
    [DataRow("a.text startswith 'x'")]
    [DataRow("a.text endswith 'x'")]
    [DataRow("a.node contains a.text")]
    [DataRow("a.ok == false")]
    [DataRow("a.ok != false")]
    [DataRow("a.ok != true")]
    [DataRow("a.text + 'x' == 'x'")]
    [DataRow("a.text + 'x' != 'x'")]
    [DataRow("a.time - b.time != 0s")]
    public void Compile_ComparisonWithMissingValue_IsFalse(string expression)
    {
        // Both facts lack text, ok; b's time is missing too.
        var a = TestSchemas.Ev(Schemas, "N1", 1, 0);
        var b = Fact.Create(Schemas.Get("Ev"), new Dictionary<string, object?> { ["node"] = "N1", ["id"] = 2L });
        Assert.AreEqual(false, Eval(expression, a, b), expression);
    }

    [TestMethod]
    public void Compile_ComparisonWithKnownValues_StillWorks()
    {
        var a = TestSchemas.Ev(Schemas, "N1", 1, 0, text: "y", ok: true);
        var b = TestSchemas.Ev(Schemas, "N2", 2, 5, text: "z", ok: false);
        Assert.AreEqual(true, Eval("a.text != 'x' && a.text != b.text && a.ok != false && b.ok != true && a.text not in ['x'] && a.time - b.time != 0s", a, b));
        Assert.AreEqual(false, Eval("a.text != 'y'", a, b));
    }

    [TestMethod]
    public void Compile_IsUnknownAndIsKnown_AreSynonymsOfIsNull()
    {
        var a = TestSchemas.Ev(Schemas, "N1", 1, 0);
        var b = TestSchemas.Ev(Schemas, "N1", 2, 0, text: "x", ok: false);
        Assert.AreEqual(true, Eval("a.text is unknown && a.ok is unknown && a.node is known", a, b));
        Assert.AreEqual(false, Eval("b.text is unknown || b.ok is unknown || a.text is known", a, b));
        Assert.AreEqual(true, Eval("a.ok is not unknown || a.ok is null", a, b));
        // An explicit negation of a false comparison is true: '!' is how a rule says "not known to be".
        Assert.AreEqual(true, Eval("!(a.ok == true)", a, b));
    }

    [TestMethod]
    public void Compile_ComparisonWithLiteralNull_IsAnErrorThatNamesIsUnknown()
    {
        var equal = Assert.ThrowsExactly<ExpressionException>(() => Compiler.Compile("a.id == 1 && a.ok == null", Scope));
        StringAssert.Contains(equal.Message, "write 'x is unknown'");
        Assert.AreEqual(18, equal.Position);
        var different = Assert.ThrowsExactly<ExpressionException>(() => Compiler.Compile("null != a.ok", Scope));
        StringAssert.Contains(different.Message, "write 'x is known'");
        StringAssert.Contains(Assert.ThrowsExactly<ExpressionException>(() => Parser.Parse("a.ok is maybe")).Message, "expected 'null', 'unknown' or 'known'");
        StringAssert.Contains(Assert.ThrowsExactly<ExpressionException>(() => Parser.Parse("a.ok is not known")).Message, "expected 'null', 'unknown' or 'known'");
    }

    [TestMethod]
    public void Compile_UnknownField_ReportsFieldsAndPosition()
    {
        var e = Assert.ThrowsExactly<ExpressionException>(() => Compiler.Compile("a.id == 1 && a.nod == 'x'", Scope));
        Assert.AreEqual(13, e.Position);
        StringAssert.Contains(e.Message, "has no field 'nod'");
        StringAssert.Contains(e.Message, "node, id, time, text, ok");
    }

    [TestMethod]
    public void Compile_TypeMismatchAndUnknownVariable_AreErrorsAtTheirPosition()
    {
        var mismatch = Assert.ThrowsExactly<ExpressionException>(() => Compiler.Compile("a.node == 5", Scope));
        StringAssert.Contains(mismatch.Message, "cannot compare a string with a int");
        Assert.AreEqual(7, mismatch.Position);

        var unknown = Assert.ThrowsExactly<ExpressionException>(() => Compiler.Compile("c.node == 'x'", Scope));
        StringAssert.Contains(unknown.Message, "unknown variable 'c'");
        Assert.AreEqual(0, unknown.Position);

        var arithmetic = Assert.ThrowsExactly<ExpressionException>(() => Compiler.Compile("a.time + a.time", Scope));
        StringAssert.Contains(arithmetic.Message, "cannot combine a time and a time");
    }

    [TestMethod]
    public void Parse_BadSyntax_SaysWhatWasExpected()
    {
        Assert.AreEqual(8, Assert.ThrowsExactly<ExpressionException>(() => Parser.Parse("a.id == ")).Position);
        StringAssert.Contains(Assert.ThrowsExactly<ExpressionException>(() => Parser.Parse("a.id in [1, 2")).Message, "expected ']'");
        StringAssert.Contains(Assert.ThrowsExactly<ExpressionException>(() => Parser.Parse("a.text == 'open")).Message, "not closed");
        StringAssert.Contains(Assert.ThrowsExactly<ExpressionException>(() => Parser.Parse("a.time < 5y")).Message, "unknown duration unit 'y'");
    }
}
