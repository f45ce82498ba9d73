package io.tributary.connector.delta.table;

import io.tributary.connector.delta.source.ColumnFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.expressions.CallExpression;
import org.apache.flink.table.expressions.FieldReferenceExpression;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.expressions.ValueLiteralExpression;
import org.apache.flink.table.functions.BuiltInFunctionDefinitions;
import org.apache.flink.table.functions.FunctionDefinition;
import org.apache.flink.table.types.logical.LogicalType;

/** Turns {@code column op literal} comparisons into filters Kernel can prune files with. */
@Internal
final class FilterConversions {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Map<FunctionDefinition, String> OPERATORS =
            Map.of(
                    BuiltInFunctionDefinitions.EQUALS, "=",
                    BuiltInFunctionDefinitions.LESS_THAN, "<",
                    BuiltInFunctionDefinitions.LESS_THAN_OR_EQUAL, "<=",
                    BuiltInFunctionDefinitions.GREATER_THAN, ">",
                    BuiltInFunctionDefinitions.GREATER_THAN_OR_EQUAL, ">=");
    private static final Map<String, String> FLIPPED =
            Map.of("=", "=", "<", ">", "<=", ">=", ">", "<", ">=", "<=");

    private FilterConversions() {}

    static Optional<ColumnFilter> toColumnFilter(ResolvedExpression expression) {
        if (!(expression instanceof CallExpression)) {
            return Optional.empty();
        }
        CallExpression call = (CallExpression) expression;
        String operator = OPERATORS.get(call.getFunctionDefinition());
        if (operator == null || call.getResolvedChildren().size() != 2) {
            return Optional.empty();
        }
        ResolvedExpression left = call.getResolvedChildren().get(0);
        ResolvedExpression right = call.getResolvedChildren().get(1);
        if (left instanceof ValueLiteralExpression && right instanceof FieldReferenceExpression) {
            ResolvedExpression swap = left;
            left = right;
            right = swap;
            operator = FLIPPED.get(operator);
        }
        if (!(left instanceof FieldReferenceExpression)
                || !(right instanceof ValueLiteralExpression)) {
            return Optional.empty();
        }
        FieldReferenceExpression field = (FieldReferenceExpression) left;
        ValueLiteralExpression literal = (ValueLiteralExpression) right;
        LogicalType fieldType = field.getOutputDataType().getLogicalType();
        LogicalType literalType = literal.getOutputDataType().getLogicalType();
        if (fieldType.getTypeRoot() != literalType.getTypeRoot() || literal.isNull()) {
            return Optional.empty();
        }
        String op = operator;
        return deltaString(literal, literalType).map(v -> new ColumnFilter(field.getName(), op, v));
    }

    private static Optional<String> deltaString(ValueLiteralExpression literal, LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return literal.getValueAs(String.class);
            case BOOLEAN:
                return literal.getValueAs(Boolean.class).map(String::valueOf);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return literal.getValueAs(Number.class).map(n -> Long.toString(n.longValue()));
            case DECIMAL:
                return literal.getValueAs(BigDecimal.class).map(BigDecimal::toPlainString);
            case DATE:
                return literal.getValueAs(LocalDate.class).map(LocalDate::toString);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return literal.getValueAs(Instant.class)
                        .map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC).format(TIMESTAMP));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return literal.getValueAs(LocalDateTime.class).map(t -> t.format(TIMESTAMP));
            default:
                return Optional.empty();
        }
    }
}
