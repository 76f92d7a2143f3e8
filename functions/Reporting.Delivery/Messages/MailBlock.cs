using Reporting.Core.Scoring;

namespace Reporting.Delivery.Messages;

/// <summary>
/// One piece of a message's body. A message is a list of blocks that <see cref="MailText"/> and <see cref="MailHtml"/>
/// both render, so the plain-text part carries the same facts in the same order as the HTML part.
/// </summary>
public abstract record MailBlock
{
    private MailBlock()
    {
    }

    /// <summary>The answer the message exists to give; always the first line.</summary>
    public sealed record Lead(string Text) : MailBlock;

    public sealed record Paragraph(string Text) : MailBlock;

    public sealed record Section(string Title) : MailBlock;

    /// <summary>Rows that each lead with a status chip: its colour and its word, never the colour alone.</summary>
    public sealed record StatusList(IReadOnlyList<StatusRow> Rows) : MailBlock;

    /// <summary>A link that belongs to the paragraph before it (the text part puts the address on the next line).</summary>
    public sealed record Link(string Label, Uri Address) : MailBlock;

    public sealed record Footer(string Text) : MailBlock;
}

/// <summary>A row of a <see cref="MailBlock.StatusList"/>: the chip, what the row is about, and its figures.</summary>
public sealed record StatusRow(KpiStatus Status, string Title, string Detail);
