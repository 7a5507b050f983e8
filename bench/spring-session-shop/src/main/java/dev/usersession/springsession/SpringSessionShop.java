package dev.usersession.springsession;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The shop's cart API as a Spring application: Spring Security's form login at {@code POST /login} (the demo user of
 * the example shop), the security context and the cart in the {@code HttpSession}, which Spring Session keeps in
 * PostgreSQL. CSRF protection is off: the benchmark's requests carry no token, and the shop's own check (the
 * {@code Origin} header) costs next to nothing, so this makes the comparison easier on Spring, not harder.
 */
@SpringBootApplication
public class SpringSessionShop {

    public static void main(String[] args) {
        SpringApplication.run(SpringSessionShop.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginProcessingUrl("/login")
                        .successHandler((request, response, authentication) -> response.setStatus(204))
                        .failureHandler((request, response, failure) -> response.setStatus(401)))
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    PasswordEncoder passwords() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(User.withUsername("alice")
                .password(passwords.encode("shop-demo-2026")).roles("customer").build());
    }
}
