using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.LocalRunner;

/// <summary>
/// Calls a function as the worker does: a new scope per invocation, the class made by DI with its constructor's services,
/// and the trigger's value passed to the parameter of its type (the message text, or a <see cref="TimerInfo"/>).
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes, string baseDirectory)
{
    public async Task InvokeAsync(FunctionDefinition function, object triggerValue, CancellationToken cancellationToken)
    {
        var assembly = Assembly.LoadFrom(Path.Combine(baseDirectory, function.ScriptFile));
        var type = assembly.GetType(function.TypeName, throwOnError: true)!;
        var method = type.GetMethod(function.MethodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{function.EntryPoint} is not a public instance method");
        await using var scope = scopes.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        var arguments = method.GetParameters().Select(p => Argument(p, triggerValue, cancellationToken, function)).ToArray();
        try
        {
            if (method.Invoke(instance, arguments) is Task task)
            {
                await task;
            }
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }

    private static object Argument(ParameterInfo parameter, object triggerValue, CancellationToken cancellationToken, FunctionDefinition function) =>
        parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
        : parameter.ParameterType.IsInstanceOfType(triggerValue) ? triggerValue
        : throw new InvalidOperationException($"{function.Name}: the runner cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType.Name}");
}
