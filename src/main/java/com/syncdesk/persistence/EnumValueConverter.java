package com.syncdesk.persistence;

import jakarta.persistence.AttributeConverter;

/** Maps an {@link EnumValue} to its wire text; subclasses name the enumeration for Hibernate. */
public abstract class EnumValueConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<EnumValue<E>, String> {

    private final Class<E> type;

    protected EnumValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(EnumValue<E> value) {
        return value == null ? null : value.wire();
    }

    @Override
    public EnumValue<E> convertToEntityAttribute(String wire) {
        return wire == null ? null : EnumValue.parse(type, wire);
    }
}
