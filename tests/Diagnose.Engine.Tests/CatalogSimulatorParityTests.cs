using System.Reflection;
using Diagnose.Simulation.Events;

namespace Diagnose.Engine.Tests;

/// <summary>
/// The catalog describes every event the simulator writes, with the same log, level, qualifiers and message
/// for the same insertion strings, so the simulator can write from the catalog with no change of behaviour.
/// </summary>
[TestClass]
public sealed class CatalogSimulatorParityTests
{
    [TestMethod]
    public void EverySimulatedEvent_IsCataloguedWithTheSameShapeAndMessage()
    {
        var methods = typeof(WindowsEvents).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(EventTemplate)).ToList();
        Assert.IsGreaterThan(30, methods.Count, "the simulator's event list was found");

        foreach (var method in methods)
        {
            var template = (EventTemplate)method.Invoke(null, method.GetParameters().Select(Sample).ToArray())!;

            var entry = Engine.Instance.Events.Find(template.Provider, template.EventId);

            Assert.IsNotNull(entry, $"{method.Name}: {template.Provider} {template.EventId} is not catalogued");
            Assert.AreEqual((template.Channel, template.Level, template.Qualifiers), (entry.Channel, entry.Level, entry.Qualifiers), method.Name);
            Assert.AreEqual(template.Message, entry.RenderMessage(template.Data), method.Name);
        }
    }

    private static object Sample(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => parameter.Name == "database" ? @"Q:\wins\wins.mdb" : $"{parameter.Name}-value",
        var t when t == typeof(int) => 1044,
        var t when t == typeof(bool) => true,
        var t when t == typeof(DateTime) => new DateTime(2007, 2, 12, 21, 14, 3, DateTimeKind.Utc),
        var t => throw new AssertFailedException($"no sample value for {t.Name} {parameter.Name}"),
    };
}
