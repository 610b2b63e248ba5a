package com.crowdledger.infra.web;

import com.crowdledger.shared.WireNames;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters name enums the way JSON does ("test", "game_owner"); an unknown name lists the allowed ones. */
@Component
class WireEnumConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ConverterFactory<String, Enum<?>>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> targetType) {
                return source -> (T) WireNames.parse((Class) targetType, source);
            }
        });
    }
}
