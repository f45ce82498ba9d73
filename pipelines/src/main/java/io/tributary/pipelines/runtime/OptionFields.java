package io.tributary.pipelines.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;

/**
 * The options an {@code *Options} class declares: its public static {@link ConfigOption} fields, in
 * order.
 */
@Internal
public final class OptionFields {
    private OptionFields() {}

    public static List<ConfigOption<?>> of(Class<?> optionsClass) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : optionsClass.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(field + " is not readable", e);
                }
            }
        }
        return options;
    }
}
