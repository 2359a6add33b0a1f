package org.shutong.audit.event;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface LoggedEventRepository extends Repository<LoggedEvent, Long> {

	Optional<LoggedEvent> findById(long leafIndex);

	Optional<LoggedEvent> findByEventId(String eventId);

}
