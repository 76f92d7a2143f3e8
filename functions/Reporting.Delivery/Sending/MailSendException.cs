namespace Reporting.Delivery.Sending;

/// <summary>
/// A message the relay did not take. <see cref="Exception.Message"/> is fit for the delivery log and <c>reporting status</c>:
/// it says what failed (connect, authenticate, recipient refused) and never contains the password.
/// </summary>
public sealed class MailSendException(string message, Exception? inner = null) : Exception(message, inner);
