using JasperFx;

namespace QuartierPflege.BuildingBlocks.Documents;

/// <summary>Tells a concurrent edit (someone else saved the document in between) from any other failure.</summary>
public static class ConcurrentEdits
{
    /// <summary>
    /// Marten throws <see cref="ConcurrencyException"/> when a revision or version does not match, or an
    /// <see cref="AggregateException"/> of them when several documents of one commit do not.
    /// </summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConflict),
        _ => false,
    };
}
