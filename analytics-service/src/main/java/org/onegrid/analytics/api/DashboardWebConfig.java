package org.onegrid.analytics.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard at /dashboard/ with Apache ECharts from its webjar under /dashboard/lib/, so everything the
 * page needs comes through the gateway's /dashboard/** route and nothing from a CDN. The page calls the API at
 * /api/analytics/..., which the controllers also answer directly, so the page works with or without the gateway.
 */
@Configuration
class DashboardWebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/lib/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/echarts/5.3.1/dist/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
