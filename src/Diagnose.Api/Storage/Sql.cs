using System.Data;
using System.Data.Common;
using System.Globalization;
using Diagnose.Core.Time;

namespace Diagnose.Api.Storage;

/// <summary>Parameterised commands over any ADO.NET connection; a null is sent as a text null, which both stores accept.</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null or string)
            {
                // PostgreSQL cannot infer the type of an untyped null in "@p IS NULL".
                parameter.DbType = DbType.String;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Long(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static string? Text(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    public static long Long(DbDataReader row, int column) => row.IsDBNull(column) ? 0 : Convert.ToInt64(row.GetValue(column), CultureInfo.InvariantCulture);

    /// <summary>Times are stored as fixed-width UTC ISO-8601 text, so text order is time order in both stores.</summary>
    public static string Time(DateTimeOffset time) => IsoTime.Format(time, IsoPrecision.Ticks);
}
