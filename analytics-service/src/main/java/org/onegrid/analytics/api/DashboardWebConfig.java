package org.onegrid.analytics.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard at /dashboard/ with Apache ECharts from its webjar under /dashboard/lib/, so everything the
 * page needs comes through the gateway's /dashboard/** route and nothing from a CDN. The page calls the API at
 * /api/analytics/..., which the controllers also answer directly, so the page works with or without the gateway.
 * Every view is also CSV on request ({@link CsvMessageConverter}).
 */
@Configuration
class DashboardWebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/lib/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/echarts/5.3.1/dist/");
    }

    @Override
    public void configureMessageConverters(org.springframework.http.converter.HttpMessageConverters.ServerBuilder builder) {
        // Last in the list, so that JSON stays the answer to Accept: */*; CSV only when asked for.
        builder.configureMessageConvertersList(list -> list.add(new CsvMessageConverter()));
    }

    @Override
    public void configureContentNegotiation(org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer c) {
        // ?format=csv on any view, for links and spreadsheets that cannot set an Accept header.
        c.favorParameter(true).parameterName("format").mediaType("csv", CsvMessageConverter.TEXT_CSV)
                .mediaType("json", org.springframework.http.MediaType.APPLICATION_JSON);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
