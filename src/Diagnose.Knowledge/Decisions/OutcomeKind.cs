namespace Diagnose.Knowledge.Decisions;

/// <summary>What a decision-table row concludes.</summary>
public enum OutcomeKind
{
    /// <summary>A diagnosis of the article, with its plan.</summary>
    Diagnosis,

    /// <summary>The situation needs no procedure: nothing of the article is reported.</summary>
    NoIncident,

    /// <summary>A lower-severity finding (advice such as installing a service pack), reported beside or without a diagnosis.</summary>
    Finding,

    /// <summary>Not enough is known to decide: no diagnosis at high confidence, and the report says what to collect.</summary>
    Undetermined,
}
