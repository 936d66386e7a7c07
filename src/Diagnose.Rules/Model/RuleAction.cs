namespace Diagnose.Rules.Model;

/// <summary>One <c>then</c> entry of a rule.</summary>
public abstract record RuleAction;
