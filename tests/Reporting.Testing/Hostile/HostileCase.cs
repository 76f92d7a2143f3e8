namespace Reporting.Testing.Hostile;

/// <summary>
/// One generated hostile input: its kind (the attack it stands for, so a report can pick the worst of each kind), a
/// name that says what exactly it holds, the file name it is uploaded under, and its bytes.
/// </summary>
public sealed record HostileCase(string Kind, string Name, string FileName, byte[] Bytes)
{
    public override string ToString() => $"{Kind}: {Name} ({Bytes.Length:N0} bytes)";
}
