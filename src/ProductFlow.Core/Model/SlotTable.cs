using System.Numerics;

namespace ProductFlow.Model;

/// <summary>What a stage makes of each <see cref="ValueSlot"/>, worked out once per shared slot and then read by the slot's id.</summary>
/// <remarks>
/// A slot that is not shared (id 0) is worked out at each call. Threads may share a table: an answer is written before the mark that
/// says it is there, and an answer lost when two threads grow the table at once is worked out again (<paramref name="workOut"/> gives
/// the same answer for the same slot, and must be safe to call from those threads).
/// </remarks>
/// <param name="workOut">What the stage makes of a slot.</param>
public sealed class SlotTable<T>(Func<ValueSlot, T> workOut)
{
    private Entry[] _byId = [];

    public T this[ValueSlot slot]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(slot);
            var id = slot.Id;
            if (id == 0)
            {
                return workOut(slot);
            }

            var byId = _byId;
            if (id < byId.Length && Volatile.Read(ref byId[id].Known))
            {
                return byId[id].Value;
            }

            var value = workOut(slot);
            if (id >= byId.Length)
            {
                // A longer array (a power of two) replaces this one; a thread still reading the old one reads what is true there.
                Array.Resize(ref byId, (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)id + 1), ValueSlot.MaxShared + 1));
                _byId = byId;
            }

            byId[id].Value = value;
            Volatile.Write(ref byId[id].Known, true);
            return value;
        }
    }

    private struct Entry
    {
        public T Value;
        public bool Known;
    }
}
