package vn.gov.moha.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its one way in: a personal access token as a bearer token. */
@Configuration
class OpenApiDocs {

    @Bean
    OpenAPI portalApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Cổng điều hành nhiệm vụ trọng tâm - Bộ Nội vụ / MOHA priority-task portal API")
                        .version("v1")
                        .description("Mã truy cập cá nhân tạo tại trang Hồ sơ cá nhân; gửi trong tiêu đề "
                                + "Authorization: Bearer bnv_... / A personal access token from the profile page, sent "
                                + "as Authorization: Bearer bnv_... Errors are RFC 9457 problem details, in Vietnamese "
                                + "or English by Accept-Language."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("bnv_...")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
