package com.crowdledger.query.game;

import com.crowdledger.events.game.GameBuild;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A game's builds as JSON text in one column: they are only ever read and written whole. */
@Converter
class GameBuildsColumn implements AttributeConverter<List<GameBuild>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<GameBuild>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<GameBuild> builds) {
        try {
            return JSON.writeValueAsString(builds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<GameBuild> convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
