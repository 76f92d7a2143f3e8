using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Storage.Deliveries;

namespace Reporting.Application.Mail;

/// <summary>
/// A deadline message due today: a reminder or a "missing" notice for <see cref="Period"/>, to <see cref="Key"/>'s
/// recipient about <see cref="Departments"/>. <see cref="AlreadyLogged"/> when the delivery log has it (it will not be sent again).
/// </summary>
public sealed record PlannedMail(DeliveryKey Key, Period Period, DateOnly Deadline, IReadOnlyList<Department> Departments, bool AlreadyLogged);
