package org.shutong.audit.event;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

public interface AuditEventRepository extends Repository<AuditEvent, Long> {

	AuditEvent save(AuditEvent event);

	Optional<AuditEvent> findById(long leafIndex);

	Optional<AuditEvent> findByEventId(String eventId);

	List<AuditEvent> findByOrderByLeafIndexDesc(Limit limit);

	List<AuditEvent> findByLeafIndexLessThanOrderByLeafIndexDesc(long before, Limit limit);

}
