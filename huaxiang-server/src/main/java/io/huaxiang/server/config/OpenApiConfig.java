package io.huaxiang.server.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import org.springframework.context.annotation.Configuration;

/** Describes the API in the served OpenAPI document (/v3/api-docs, /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Huaxiang 画像 API",
            version = "v1",
            description =
                "Real-time user portraits for lending: ingest events, read portraits, timelines,"
                    + " tags and catalogues. Errors are RFC 9457 problems with a stable `reason`."
                    + " / 面向信贷的实时用户画像。",
            license = @License(name = "Apache-2.0")))
class OpenApiConfig {}
