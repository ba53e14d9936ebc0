package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.boards.LuceneMessageIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The boards' full-text index: Lucene in memory, rebuilt from the log at start like every projection. */
@Configuration(proxyBeanMethods = false)
class SearchWiring {

    @Bean(destroyMethod = "close")
    LuceneMessageIndex messageIndex() {
        return new LuceneMessageIndex();
    }
}
