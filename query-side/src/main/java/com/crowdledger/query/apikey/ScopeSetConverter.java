package com.crowdledger.query.apikey;

import com.crowdledger.shared.Scope;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of scopes as their wire names, comma-separated and sorted ("chat,keys"). */
@Converter
class ScopeSetConverter implements AttributeConverter<Set<Scope>, String> {
    @Override
    public String convertToDatabaseColumn(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(","));
    }

    @Override
    public Set<Scope> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return EnumSet.noneOf(Scope.class);
        }
        return Arrays.stream(column.split(",")).map(Scope::fromWire)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }
}
