using JasperFx;
using NodaTime;

namespace QuartierPflege.Volunteers.Domain;

/// <summary>
/// One date of a course with a capacity. Booking beyond the capacity puts the volunteer on the waiting list; when a
/// booked person cancels, the first on the waiting list moves up.
/// </summary>
internal sealed class TrainingSession : IRevisioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string CourseKey { get; init; }

    public required string CourseName { get; init; }

    public LocalDateTime StartsAt { get; set; }

    public int DurationMinutes { get; set; } = 90;

    public required string Place { get; set; }

    public int Capacity { get; set; }

    public List<Guid> Booked { get; set; } = [];

    public List<Guid> WaitingList { get; set; } = [];

    public List<Guid> Attended { get; set; } = [];

    public bool AttendanceRecorded { get; set; }

    public int Version { get; set; }

    /// <summary>Books or queues; false when the volunteer is already on the session.</summary>
    public bool Book(Guid volunteerId)
    {
        if (Booked.Contains(volunteerId) || WaitingList.Contains(volunteerId))
        {
            return false;
        }

        if (Booked.Count < Capacity)
        {
            Booked.Add(volunteerId);
        }
        else
        {
            WaitingList.Add(volunteerId);
        }

        return true;
    }

    /// <summary>Cancels; the first on the waiting list takes a freed place (returned).</summary>
    public Guid? Cancel(Guid volunteerId)
    {
        if (WaitingList.Remove(volunteerId))
        {
            return null;
        }

        if (!Booked.Remove(volunteerId) || WaitingList.Count == 0)
        {
            return null;
        }

        var next = WaitingList[0];
        WaitingList.RemoveAt(0);
        Booked.Add(next);
        return next;
    }
}
