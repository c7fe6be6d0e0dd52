package dev.kpisql.calcite.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class SqlScriptTest
{
    @Test
    void splitsAtSemicolonsOutsideStringsAndComments()
    {
        assertThat(SqlScript.split("""
                -- a; comment
                SELECT 'a;b' AS "x;y";
                /* block;
                   comment */ SELECT 2
                ;
                -- only a comment;
                """)).containsExactly(
                new SqlScript.Statement("-- a; comment\nSELECT 'a;b' AS \"x;y\"", 2),
                new SqlScript.Statement("/* block;\n   comment */ SELECT 2", 4));
    }

    @Test
    void doubledQuotesStayInsideTheString()
    {
        assertThat(SqlScript.split("SELECT 'it''s; fine'")).containsExactly(new SqlScript.Statement("SELECT 'it''s; fine'", 1));
    }
}
