namespace Reporting.LocalRunner;

/// <summary>One function of functions.metadata: its name, where its code is, and its trigger.</summary>
internal sealed record FunctionDefinition(string Name, string ScriptFile, string EntryPoint, TriggerBinding Trigger)
{
    /// <summary>The class, as the entry point names it (<c>Namespace.Class.Method</c>).</summary>
    public string TypeName => EntryPoint[..EntryPoint.LastIndexOf('.')];

    public string MethodName => EntryPoint[(EntryPoint.LastIndexOf('.') + 1)..];
}

/// <summary>A trigger binding as written in functions.metadata: <c>queueTrigger</c> with a queue name, or <c>timerTrigger</c> with a schedule.</summary>
internal sealed record TriggerBinding(string Type, string Name, string? QueueName, string? Schedule, string? Connection)
{
    public const string Queue = "queueTrigger";
    public const string Timer = "timerTrigger";
}
