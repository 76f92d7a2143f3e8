using System.Text;
using System.Xml;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// Collects the text of a cell or shared string as its XML gives it, in chunks: the first characters up to what the
/// checks keep, and the length of the whole, so a long string costs its reading but never its copy.
/// </summary>
internal sealed class BoundedText(int keep)
{
    private readonly StringBuilder _kept = new();
    private readonly char[] _chunk = new char[4096];
    private int _length;

    public void Clear()
    {
        _kept.Clear();
        _length = 0;
    }

    /// <summary>Adds the text node the reader is on.</summary>
    public void Add(XmlReader reader)
    {
        int read;
        while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            if (_kept.Length < keep)
            {
                _kept.Append(_chunk, 0, Math.Min(read, keep - _kept.Length));
            }

            _length = (int)Math.Min((long)_length + read, int.MaxValue);
        }
    }

    public static bool IsText(XmlReader reader) =>
        reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    public SubmissionCell ToCell() => _length <= keep
        ? new SubmissionCell(_kept.ToString())
        : new SubmissionCell(SubmissionText.Start(_kept.ToString(), keep)) { Length = _length };

    public override string ToString() => _kept.ToString();
}
