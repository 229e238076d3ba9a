using System.Buffers;
using System.Text.Json;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Hosting;

/// <summary>
/// A value serialised (<see cref="BotJson.Options"/>) into a buffer rented from the shared array pool, so an answer body
/// (a few KB a turn) costs no new array; dispose after writing to give the buffer back.
/// </summary>
internal sealed class PooledJson : IBufferWriter<byte>, IDisposable
{
    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    private byte[] _buffer;
    private int _written;

    private PooledJson(int size) => _buffer = ArrayPool<byte>.Shared.Rent(size);

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _written);

    public static PooledJson Serialize<T>(T value)
    {
        var json = new PooledJson(8 * 1024);
        var writer = _writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = BotJson.Options.Encoder, SkipValidation = true });
        }
        else
        {
            writer.Reset(json);
        }

        _writer = null; // not shared while in use (a converter could serialise recursively on this thread)
        try
        {
            JsonSerializer.Serialize(writer, value, BotJson.Options);
            writer.Flush();
        }
        catch
        {
            json.Dispose();
            throw;
        }
        finally
        {
            writer.Reset(Stream.Null);
            _writer = writer;
        }

        return json;
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
