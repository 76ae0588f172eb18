package com.syncdesk.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.hibernate.annotations.Immutable;

/**
 * A stored enumeration value. Other clients may write values this version does not know; they are
 * kept exactly as written (so saving an entity never rewrites them) and shown as they are.
 *
 * @param wire  the value as stored
 * @param known the matching constant, or {@code null} when the value is not one this version knows
 */
@Immutable
public record EnumValue<E extends Enum<E> & WireEnum>(String wire, E known) {

    public EnumValue {
        Objects.requireNonNull(wire, "wire");
    }

    public static <E extends Enum<E> & WireEnum> EnumValue<E> of(E value) {
        return new EnumValue<>(value.wire(), value);
    }

    public static <E extends Enum<E> & WireEnum> EnumValue<E> parse(Class<E> type, String wire) {
        Constants constants = CONSTANTS.get(type);
        for (int i = 0; i < constants.wires().length; i++) {
            if (constants.wires()[i].equals(wire)) {
                return new EnumValue<>(wire, type.cast(constants.values()[i]));
            }
        }
        return new EnumValue<>(wire, null);
    }

    /** An enumeration's constants with their wire values, computed once: pages parse four values per row. */
    private record Constants(Object[] values, String[] wires) {
    }

    private static final ClassValue<Constants> CONSTANTS = new ClassValue<>() {
        @Override
        protected Constants computeValue(Class<?> type) {
            Object[] values = type.getEnumConstants();
            return new Constants(values, Arrays.stream(values).map(constant -> ((WireEnum) constant).wire()).toArray(String[]::new));
        }
    };

    public Optional<E> value() {
        return Optional.ofNullable(known);
    }

    public boolean isKnown() {
        return known != null;
    }

    /** The value as words; one this SyncDesk does not know is shown as stored. */
    public String words() {
        return known != null ? known.words() : wire;
    }

    public boolean is(E constant) {
        return known == constant;
    }

    @Override
    public String toString() {
        return wire;
    }
}
