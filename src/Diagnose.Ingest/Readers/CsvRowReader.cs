using System.Text;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Reads RFC 4180 rows one at a time from a text stream, tracking lines and columns: quoted fields may
/// hold commas, <c>""</c> and line breaks. A quote left open at the end of the input spoils only its own
/// row: the text after the row's first line is read again as rows.
/// </summary>
internal sealed class CsvRowReader
{
    // Event messages are at most 32K characters; a longer field is a broken quote swallowing the file.
    private const int MaxFieldChars = 1 << 20;

    private readonly TextReader _reader;
    private string? _pushback;
    private int _pushbackIndex;
    private int _line = 1;
    private int _column = 1;

    public CsvRowReader(TextReader reader) => _reader = reader;

    /// <summary>The next row, or null at the end; blank lines are passed over.</summary>
    public CsvRow? ReadRow()
    {
        while (Peek() is '\r' or '\n')
        {
            Next();
        }

        if (Peek() == -1)
        {
            return null;
        }

        var row = new CsvRow(_line);
        var field = new StringBuilder();
        while (true)
        {
            row.Positions.Add((_line, _column));
            field.Clear();
            if (Peek() == '"')
            {
                if (!ReadQuoted(row, field))
                {
                    return row;
                }
            }

            // Unquoted text, or anything stray after a closing quote, runs to the next comma or line end.
            while (Peek() is not (',' or '\r' or '\n' or -1))
            {
                Append(field, (char)Next(), row);
            }

            row.Fields.Add(field.ToString());
            var next = Next();
            if (next == ',')
            {
                continue;
            }

            if (next == '\r' && Peek() == '\n')
            {
                Next();
            }

            return row;
        }
    }

    /// <summary>Reads a quoted field; false when the input ended inside it (the row is then marked broken).</summary>
    private bool ReadQuoted(CsvRow row, StringBuilder field)
    {
        var quoteLine = _line;
        var quoteColumn = _column;
        Next();
        var raw = new StringBuilder();
        var cut = -1;
        var cutLine = 0;
        while (true)
        {
            var c = Next();
            if (c == -1)
            {
                break;
            }

            if (raw.Length < MaxFieldChars)
            {
                raw.Append((char)c);
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return true;
                }

                raw.Append((char)Next());
                Append(field, '"', row);
                continue;
            }

            if (c is '\r' or '\n')
            {
                if (c == '\r' && Peek() == '\n')
                {
                    raw.Append((char)Next());
                }

                if (cut < 0)
                {
                    cut = raw.Length;
                    cutLine = _line;
                }

                Append(field, '\n', row);
                continue;
            }

            Append(field, (char)c, row);
        }

        row.Error = $"quoted field opened at line {quoteLine}, column {quoteColumn} is never closed";
        row.ErrorLine = quoteLine;
        row.ErrorColumn = quoteColumn;
        if (cut >= 0 && cut < raw.Length)
        {
            // Whatever followed the broken row's first line may be good rows: read it again.
            _pushback = raw.ToString(cut, raw.Length - cut);
            _pushbackIndex = 0;
            _line = cutLine;
            _column = 1;
        }

        return false;
    }

    private static void Append(StringBuilder field, char c, CsvRow row)
    {
        if (field.Length < MaxFieldChars)
        {
            field.Append(c);
        }
        else
        {
            row.Error ??= $"a field is longer than {MaxFieldChars} characters";
        }
    }

    private int Peek() =>
        _pushback is not null && _pushbackIndex < _pushback.Length ? _pushback[_pushbackIndex] : _reader.Peek();

    private int Next()
    {
        int c;
        if (_pushback is not null && _pushbackIndex < _pushback.Length)
        {
            c = _pushback[_pushbackIndex++];
        }
        else
        {
            _pushback = null;
            c = _reader.Read();
        }

        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _column = 1;
        }
        else if (c != -1)
        {
            _column++;
        }

        return c;
    }
}
