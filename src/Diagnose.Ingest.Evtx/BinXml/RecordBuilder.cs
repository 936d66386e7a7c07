using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// Walks a decoded record (template roots plus values) once and fills an <see cref="EventRecord"/> from
/// Event/System, EventData, UserData and RenderingInfo, without rendering XML text.
/// </summary>
internal sealed class RecordBuilder(BinXmlParser parser)
{
    private const int MaxDepth = 48;

    private string? _provider;
    private string? _eventSourceName;
    private Guid? _providerGuid;
    private int _eventId;
    private int? _qualifiers;
    private int? _version;
    private int _level;
    private int? _task;
    private int? _opcode;
    private ulong? _keywords;
    private DateTime? _time;
    private string? _channel;
    private string? _computer;
    private string? _userSid;
    private int? _processId;
    private int? _threadId;
    private string? _message;
    private List<EventDataItem>? _data;

    private enum Scope
    {
        Root,
        Event,
        System,
        EventData,
        UserData,
        RenderingInfo,
    }

    /// <summary>The XML EventRecordID of the last record built (the header's number is the RecordNumber).</summary>
    public ulong? EventRecordId { get; private set; }

    public EventRecord Build(List<BxNode> roots, ValueSet? values, long recordNumber, DateTime written, RecordOrigin origin, bool recovered)
    {
        Reset();
        foreach (var root in roots)
        {
            VisitNode(root, values, Scope.Root, 0);
        }

        return new EventRecord
        {
            Provider = _provider ?? _eventSourceName ?? string.Empty,
            ProviderGuid = _providerGuid,
            EventId = _eventId,
            Qualifiers = _qualifiers ?? 0,
            Version = _version,
            Level = _level,
            Task = _task,
            Opcode = _opcode,
            Keywords = _keywords,
            TimeUtc = _time ?? written,
            RecordNumber = recordNumber,
            Channel = _channel,
            Computer = _computer,
            UserSid = _userSid,
            ProcessId = _processId,
            ThreadId = _threadId,
            Data = _data is null ? [] : _data,
            Message = _message,
            Origin = origin,
            Recovered = recovered,
        };
    }

    private void Reset()
    {
        _provider = _eventSourceName = _channel = _computer = _userSid = _message = null;
        _providerGuid = null;
        _eventId = _level = 0;
        _qualifiers = _version = _task = _opcode = _processId = _threadId = null;
        _keywords = null;
        _time = null;
        _data = null;
        EventRecordId = null;
    }

    private void Visit(BxNode[] nodes, ValueSet? values, Scope scope, int depth)
    {
        foreach (var n in nodes)
        {
            VisitNode(n, values, scope, depth);
        }
    }

    private void VisitNode(BxNode n, ValueSet? values, Scope scope, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("binary XML nested too deeply");
        }

        switch (n.Kind)
        {
            case BxNodeKind.Element when !BxEval.IsElementOmitted(n, values):
                OnElement(n, values, scope, depth);
                break;
            case BxNodeKind.Instance when n.Template is not null:
                Visit(n.Template.Roots, n.Values, scope, depth + 1);
                break;
            case BxNodeKind.Substitution when values is not null && values.TypeOf(n.Index) == BinXmlValueType.BinXml:
                Visit(parser.GetNested(values, n.Index, depth), null, scope, depth + 1);
                break;
            default:
                break;
        }
    }

    private void OnElement(BxNode e, ValueSet? v, Scope scope, int depth)
    {
        switch (scope)
        {
            case Scope.Root:
                Visit(e.Children, v, Scope.Event, depth + 1);
                break;
            case Scope.Event:
                var next = e.Name switch
                {
                    "System" => Scope.System,
                    "EventData" => Scope.EventData,
                    "RenderingInfo" => Scope.RenderingInfo,
                    _ => Scope.UserData,
                };
                Visit(e.Children, v, next, depth + 1);
                break;
            case Scope.System:
                OnSystem(e, v);
                break;
            case Scope.EventData:
                if (e.Name == "Data" || !HasChildElements(e, v))
                {
                    var name = e.Name == "Data" ? AttributeText(e, "Name", v) : e.Name;
                    AddData(name, e, v);
                }
                else
                {
                    Visit(e.Children, v, Scope.EventData, depth + 1);
                }

                break;
            case Scope.UserData:
                if (HasChildElements(e, v))
                {
                    Visit(e.Children, v, Scope.UserData, depth + 1);
                }
                else
                {
                    AddData(e.Name, e, v);
                }

                break;
            case Scope.RenderingInfo:
                if (e.Name == "Message")
                {
                    _message = BxEval.GetText(e.Children, v, parser);
                }

                break;
        }
    }

    private void OnSystem(BxNode e, ValueSet? v)
    {
        switch (e.Name)
        {
            case "Provider":
                _provider = AttributeText(e, "Name", v);
                _eventSourceName = AttributeText(e, "EventSourceName", v);
                if (BxEval.FindAttribute(e, "Guid", v) is { } g)
                {
                    _providerGuid = BxEval.GetGuid(g.Children, v, parser);
                }

                break;
            case "EventID":
                if (BxEval.TryGetUInt64(e.Children, v, parser, out var id))
                {
                    _eventId = (int)(id & 0xFFFF);
                    _qualifiers ??= id > 0xFFFF ? (int)((id >> 16) & 0xFFFF) : null;
                }

                if (AttributeNumber(e, "Qualifiers", v) is ulong q)
                {
                    _qualifiers = (int)(q & 0xFFFF);
                }

                break;
            case "Version":
                _version = Number(e, v);
                break;
            case "Level":
                _level = Number(e, v) ?? 0;
                break;
            case "Task":
                _task = Number(e, v);
                break;
            case "Opcode":
                _opcode = Number(e, v);
                break;
            case "Keywords":
                _keywords = BxEval.TryGetUInt64(e.Children, v, parser, out var k) ? k : null;
                break;
            case "TimeCreated":
                if (BxEval.FindAttribute(e, "SystemTime", v) is { } t)
                {
                    _time = BxEval.GetTime(t.Children, v, parser);
                }

                break;
            case "EventRecordID":
                EventRecordId = BxEval.TryGetUInt64(e.Children, v, parser, out var r) ? r : null;
                break;
            case "Execution":
                _processId = (int?)AttributeNumber(e, "ProcessID", v);
                _threadId = (int?)AttributeNumber(e, "ThreadID", v);
                break;
            case "Channel":
                _channel = BxEval.GetText(e.Children, v, parser);
                break;
            case "Computer":
                _computer = BxEval.GetText(e.Children, v, parser);
                break;
            case "Security":
                _userSid = AttributeText(e, "UserID", v);
                break;
            default:
                break;
        }
    }

    private void AddData(string? name, BxNode e, ValueSet? v)
    {
        _data ??= new List<EventDataItem>(8);
        if (BxEval.SingleSubstitution(e.Children) is { } s && v is not null && ValueFormatter.IsArray(v.TypeOf(s.Index)))
        {
            // Windows repeats the element once per array item.
            var items = new List<string>();
            ValueFormatter.FormatArray(v.TypeOf(s.Index), v.Data(s.Index), items);
            foreach (var item in items)
            {
                _data.Add(new EventDataItem(name, item));
            }

            return;
        }

        _data.Add(new EventDataItem(name, BxEval.GetText(e.Children, v, parser)));
    }

    private bool HasChildElements(BxNode e, ValueSet? v)
    {
        foreach (var c in e.Children)
        {
            if (c.Kind is BxNodeKind.Element or BxNodeKind.Instance)
            {
                return true;
            }

            if (c.Kind == BxNodeKind.Substitution && v is not null && v.TypeOf(c.Index) == BinXmlValueType.BinXml)
            {
                return true;
            }
        }

        return false;
    }

    private string? AttributeText(BxNode e, string name, ValueSet? v) =>
        BxEval.FindAttribute(e, name, v) is { } a ? BxEval.GetText(a.Children, v, parser) : null;

    private ulong? AttributeNumber(BxNode e, string name, ValueSet? v) =>
        BxEval.FindAttribute(e, name, v) is { } a && BxEval.TryGetUInt64(a.Children, v, parser, out var n) ? n : null;

    private int? Number(BxNode e, ValueSet? v) =>
        BxEval.TryGetUInt64(e.Children, v, parser, out var n) ? (int)n : null;
}
