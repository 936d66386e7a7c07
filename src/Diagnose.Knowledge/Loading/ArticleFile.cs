namespace Diagnose.Knowledge.Loading;

// The JSON shape of a kb/*.json file, read strictly (unknown members are errors).
#pragma warning disable CA1812 // instantiated by the JSON serializer
internal sealed class ArticleFile
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<string> AppliesTo { get; set; } = [];

    public SymptomsFile? Symptoms { get; set; }

    public string? Cause { get; set; }

    public List<PlanFile> Plans { get; set; } = [];

    public List<PlanFile> AntiPlans { get; set; } = [];

    public List<ExpectedFile> ExpectedAfterFix { get; set; } = [];

    public List<ReferenceFile> References { get; set; } = [];

    public List<IncidentFile> Incidents { get; set; } = [];

    internal sealed class SymptomsFile
    {
        public List<EventFile> Events { get; set; } = [];

        public List<string> Observations { get; set; } = [];
    }

    internal sealed class EventFile
    {
        public string? Provider { get; set; }

        public int EventId { get; set; }

        public string? Level { get; set; }

        public string? Log { get; set; }

        public Dictionary<string, string> KeyData { get; set; } = [];

        public string? Meaning { get; set; }
    }

    internal sealed class PlanFile
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? AppliesWhen { get; set; }

        public string? Warning { get; set; }

        public string? Incident { get; set; }

        public List<StepFile> Steps { get; set; } = [];
    }

    internal sealed class StepFile
    {
        public string? Op { get; set; }

        public Dictionary<string, string> Args { get; set; } = [];

        public string? Text { get; set; }

        public string? Precaution { get; set; }
    }

    internal sealed class ExpectedFile
    {
        public string? Provider { get; set; }

        public int EventId { get; set; }

        public string? When { get; set; }

        public string? Reason { get; set; }
    }

    internal sealed class IncidentFile
    {
        public string? Id { get; set; }

        public string? Model { get; set; }

        public string? Variant { get; set; }

        public string? Description { get; set; }

        public bool Diagnosed { get; set; }

        public List<ReproducesFile> Reproduces { get; set; } = [];

        public ClusterFile? Cluster { get; set; }

        public Dictionary<string, RoleFile> Roles { get; set; } = [];

        public List<StepFile> Operations { get; set; } = [];

        public List<StepFile> FollowUp { get; set; } = [];
        public List<string> OneOf { get; set; } = [];

        public Dictionary<string, bool> Assumptions { get; set; } = [];
    }

    internal sealed class ClusterFile
    {
        public string? Os { get; set; }

        public DateTime? Start { get; set; }

        public Dictionary<string, string> OsByNodeCount { get; set; } = [];

        public List<GroupFile> Groups { get; set; } = [];

        public List<DatabaseFile> Databases { get; set; } = [];
    }

    internal sealed class GroupFile
    {
        public string? Name { get; set; }

        public string? Binds { get; set; }

        public List<ResourceFile> Resources { get; set; } = [];
    }

    internal sealed class ResourceFile
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Service { get; set; }

        public string? Database { get; set; }

        public string? FailedEvent { get; set; }

        public string? Checkpoint { get; set; }

        public string? StartedEvent { get; set; }

        public string? DisplayName { get; set; }

        public bool Failover { get; set; } = true;

        public string? Binds { get; set; }
    }

    internal sealed class DatabaseFile
    {
        public string? Instance { get; set; }

        public string? Path { get; set; }
    }

    internal sealed class RoleFile
    {
        public string? SeenIn { get; set; }

        public string? Count { get; set; }

        public string? Of { get; set; }

        public List<string> SnapshotClusdb { get; set; } = [];
    }

    internal sealed class ReproducesFile
    {
        public string? Fact { get; set; }

        public List<string> Same { get; set; } = [];

        public string? State { get; set; }
    }

    internal sealed class ReferenceFile
    {
        public string? Id { get; set; }

        public string? Title { get; set; }
    }
}
#pragma warning restore CA1812
