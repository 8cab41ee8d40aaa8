package org.schoolcredits.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    @DisplayName("Named parameters become JDBC's question marks and their values are laid out in the statement's order")
    void namesBecomePositions() {
        NamedSql sql = NamedSql.of("select :a, :b::text, :a where x = ':' || :c_d");
        assertEquals("select ?, ?::text, ? where x = ':' || ?", sql.sql());
        assertEquals(List.of("a", "b", "a", "c_d"), sql.names());
        assertArrayEquals(new Object[] {1, null, 1, "d"},
                sql.bind(new NamedSql.Values().set("a", 1).set("b", null).set("c_d", "d")));
    }

    @Test
    @DisplayName("A name given no value is refused rather than bound as null")
    void missingValueRefused() {
        NamedSql sql = NamedSql.of("select :a, :b");
        assertThrows(IllegalStateException.class, () -> sql.bind(new NamedSql.Values().set("a", 1)));
    }

    @Test
    @DisplayName("The ledger's spend statement, as JDBC runs it, has a question mark for each of its named parameters")
    void spendStatementIsPositional() {
        String positional = Spend.STATEMENT.sql();
        assertFalse(positional.matches("(?s).*(?<!:):[a-z].*"), positional);
        assertEquals(Spend.STATEMENT.names().size(), positional.split("\\?", -1).length - 1);
        assertEquals(36, Spend.STATEMENT.names().size());
    }
}
