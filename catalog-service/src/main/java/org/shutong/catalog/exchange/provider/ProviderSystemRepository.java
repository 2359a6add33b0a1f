package org.shutong.catalog.exchange.provider;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderSystemRepository extends JpaRepository<ProviderSystem, String> {

}
