// INFO's sections, with Redis 7.0's field names, order and formats. Values
// come from respite's own state; fields about machinery respite does not
// have (forks, replication links, jemalloc) report its real, idle state.

import { arch, cpus, totalmem, type as osType, release } from 'node:os';
import { REDIS_VERSION, RESPITE_VERSION } from '../../version.js';
import type { Server } from '../../server/server.js';

export type Section = [title: string, lines: string[]];

/** Redis's bytesToHuman: B, K, M, G... with two decimals. */
export function bytesToHuman(n: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

let peakMemory = 0;

export function serverSection(server: Server): Section {
  const now = server.keyspace.clock.now();
  const uptime = Math.floor((now - server.startTimeMs) / 1000);
  const hz = server.config.num('hz');
  return ['Server', [
    `redis_version:${REDIS_VERSION}`, 'redis_git_sha1:00000000', 'redis_git_dirty:0', 'redis_build_id:0',
    'redis_mode:standalone', `os:${osType()} ${release()} ${arch() === 'x64' ? 'x86_64' : arch()}`, 'arch_bits:64',
    'monotonic_clock:POSIX clock_gettime', 'multiplexing_api:epoll', 'atomicvar_api:c11-builtin', 'gcc_version:0.0.0',
    `process_id:${process.pid}`, `process_supervised:${server.config.get('supervised') === 'no' ? 'no' : server.config.get('supervised')}`,
    `run_id:${server.runId}`, `tcp_port:${server.tcpPort}`, `server_time_usec:${Math.floor(now * 1000)}`,
    `uptime_in_seconds:${uptime}`, `uptime_in_days:${Math.floor(uptime / 86400)}`, `hz:${hz}`, `configured_hz:${hz}`,
    `lru_clock:${server.keyspace.lruClock & 0xffffff}`, `executable:${process.argv[1] ?? process.execPath}`,
    `config_file:${server.configFile}`, 'io_threads_active:0', `respite_version:${RESPITE_VERSION}`,
  ]];
}

export function clientsSection(server: Server): Section {
  return ['Clients', [
    `connected_clients:${server.clients.size}`, 'cluster_connections:0', `maxclients:${server.config.get('maxclients')}`,
    'client_recent_max_input_buffer:0', 'client_recent_max_output_buffer:0', `blocked_clients:${server.blocking.blockedCount + server.clientPause.postponedCount}`, `tracking_clients:${server.tracking.clients}`,
    `clients_in_timeout_table:${server.blocking.withTimeoutCount}`,
  ]];
}

export function memorySection(server: Server): Section {
  const mu = process.memoryUsage();
  const used = mu.heapUsed + mu.external + mu.arrayBuffers;
  if (used > peakMemory) peakMemory = used;
  const maxmemory = server.config.num('maxmemory');
  const total = totalmem();
  const pct = (a: number, b: number) => `${b === 0 ? '0.00' : ((a * 100) / b).toFixed(2)}%`;
  return ['Memory', [
    `used_memory:${used}`, `used_memory_human:${bytesToHuman(used)}`, `used_memory_rss:${mu.rss}`,
    `used_memory_rss_human:${bytesToHuman(mu.rss)}`, `used_memory_peak:${peakMemory}`,
    `used_memory_peak_human:${bytesToHuman(peakMemory)}`, `used_memory_peak_perc:${pct(used, peakMemory)}`,
    'used_memory_overhead:0', 'used_memory_startup:0', `used_memory_dataset:${used}`, 'used_memory_dataset_perc:100.00%',
    `allocator_allocated:${mu.heapUsed}`, `allocator_active:${mu.heapTotal}`, `allocator_resident:${mu.rss}`,
    `total_system_memory:${total}`, `total_system_memory_human:${bytesToHuman(total)}`,
    'used_memory_lua:0', 'used_memory_vm_eval:0', 'used_memory_lua_human:0B', 'used_memory_scripts_eval:0',
    'number_of_cached_scripts:0', 'number_of_functions:0', 'number_of_libraries:0', 'used_memory_vm_functions:0',
    'used_memory_vm_total:0', 'used_memory_vm_total_human:0B', 'used_memory_functions:0', 'used_memory_scripts:0',
    'used_memory_scripts_human:0B', `maxmemory:${maxmemory}`, `maxmemory_human:${bytesToHuman(maxmemory)}`,
    `maxmemory_policy:${server.config.get('maxmemory-policy')}`,
    `allocator_frag_ratio:${(mu.heapTotal / Math.max(1, mu.heapUsed)).toFixed(2)}`, `allocator_frag_bytes:${mu.heapTotal - mu.heapUsed}`,
    `allocator_rss_ratio:${(mu.rss / Math.max(1, mu.heapTotal)).toFixed(2)}`, `allocator_rss_bytes:${mu.rss - mu.heapTotal}`,
    'rss_overhead_ratio:1.00', 'rss_overhead_bytes:0',
    `mem_fragmentation_ratio:${(mu.rss / Math.max(1, used)).toFixed(2)}`, `mem_fragmentation_bytes:${mu.rss - used}`,
    'mem_not_counted_for_evict:0', 'mem_replication_backlog:0', 'mem_total_replication_buffers:0', 'mem_clients_slaves:0',
    'mem_clients_normal:0', 'mem_cluster_links:0', 'mem_aof_buffer:0', `mem_allocator:v8-${process.versions.v8}`,
    'active_defrag_running:0', 'lazyfree_pending_objects:0', 'lazyfreed_objects:0',
  ]];
}

export function persistenceSection(server: Server): Section {
  const snap = server.snapshots;
  const aof = server.aof;
  return ['Persistence', [
    `loading:${server.loading !== null ? 1 : 0}`, 'async_loading:0', 'current_cow_peak:0', 'current_cow_size:0', 'current_cow_size_age:0',
    'current_fork_perc:0.00', 'current_save_keys_processed:0', 'current_save_keys_total:0',
    `rdb_changes_since_last_save:${server.keyspace.dirty}`, `rdb_bgsave_in_progress:${snap.bgsaveInProgress ? 1 : 0}`,
    `rdb_last_save_time:${server.lastSaveSec}`, `rdb_last_bgsave_status:${snap.lastBgsaveOk ? 'ok' : 'err'}`,
    `rdb_last_bgsave_time_sec:${snap.lastBgsaveTimeSec}`, `rdb_current_bgsave_time_sec:${snap.currentBgsaveSec}`,
    `rdb_saves:${snap.saves}`, `rdb_last_cow_size:${snap.lastCowBytes}`, `rdb_last_load_keys_expired:${snap.lastLoadKeysExpired}`,
    `rdb_last_load_keys_loaded:${snap.lastLoadKeysLoaded}`,
    `aof_enabled:${aof.state !== 'off' ? 1 : 0}`, `aof_rewrite_in_progress:${aof.rewriteInProgress ? 1 : 0}`,
    `aof_rewrite_scheduled:${aof.rewriteScheduled ? 1 : 0}`, `aof_last_rewrite_time_sec:${aof.lastRewriteTimeSec}`,
    `aof_current_rewrite_time_sec:${aof.currentRewriteSec}`, `aof_last_bgrewrite_status:${aof.lastBgrewriteOk ? 'ok' : 'err'}`,
    `aof_rewrites:${aof.rewrites}`, `aof_rewrites_consecutive_failures:${aof.consecutiveFailures}`,
    `aof_last_write_status:${aof.lastWriteOk ? 'ok' : 'err'}`, 'aof_last_cow_size:0', 'module_fork_in_progress:0',
    'module_fork_last_cow_size:0',
    ...(aof.state !== 'off' ? [
      `aof_current_size:${aof.currentSize}`, `aof_base_size:${aof.rewriteBaseSize}`,
      `aof_pending_rewrite:${aof.rewriteScheduled ? 1 : 0}`, `aof_buffer_length:${aof.bufferLength}`,
      `aof_pending_bio_fsync:${aof.fsyncInProgress ? 1 : 0}`, `aof_delayed_fsync:${aof.delayedFsync}`,
    ] : []),
    ...(server.loading !== null ? server.loading.infoLines() : []),
  ]];
}

export function statsSection(server: Server): Section {
  const s = server.stats;
  const ks = server.keyspace.stats;
  return ['Stats', [
    `total_connections_received:${s.totalConnections}`, `total_commands_processed:${s.totalCommands}`,
    'instantaneous_ops_per_sec:0', `total_net_input_bytes:${s.netInputBytes}`, `total_net_output_bytes:${s.netOutputBytes}`,
    'total_net_repl_input_bytes:0', 'total_net_repl_output_bytes:0', 'instantaneous_input_kbps:0.00',
    'instantaneous_output_kbps:0.00', 'instantaneous_input_repl_kbps:0.00', 'instantaneous_output_repl_kbps:0.00',
    `rejected_connections:${s.rejectedConnections}`, 'sync_full:0', 'sync_partial_ok:0', 'sync_partial_err:0',
    `expired_keys:${ks.expiredKeys}`, `expired_stale_perc:${(ks.expiredStalePerc * 100).toFixed(2)}`,
    `expired_time_cap_reached_count:${ks.expiredTimeCapReachedCount}`,
    `expire_cycle_cpu_milliseconds:${Math.floor(ks.expireCycleCpuMs)}`, 'evicted_keys:0', 'evicted_clients:0',
    'total_eviction_exceeded_time:0', 'current_eviction_exceeded_time:0', `keyspace_hits:${ks.keyspaceHits}`,
    `keyspace_misses:${ks.keyspaceMisses}`, `pubsub_channels:${server.pubsub.channels.size}`,
    `pubsub_patterns:${server.pubsub.numpat}`, `pubsubshard_channels:${server.pubsub.shardChannels.size}`,
    'latest_fork_usec:0', 'total_forks:0', 'migrate_cached_sockets:0', 'slave_expires_tracked_keys:0',
    'active_defrag_hits:0', 'active_defrag_misses:0', 'active_defrag_key_hits:0', 'active_defrag_key_misses:0',
    'total_active_defrag_time:0', 'current_active_defrag_time:0', `tracking_total_keys:${server.tracking.totalKeys}`, `tracking_total_items:${server.tracking.totalItems}`,
    `tracking_total_prefixes:${server.tracking.totalPrefixes}`, `unexpected_error_replies:${s.internalErrors}`, `total_error_replies:${s.totalErrorReplies}`,
    'dump_payload_sanitizations:0', 'total_reads_processed:0', 'total_writes_processed:0',
    'io_threaded_reads_processed:0', 'io_threaded_writes_processed:0', 'reply_buffer_shrinks:0', 'reply_buffer_expands:0',
  ]];
}

export function replicationSection(server: Server): Section {
  return ['Replication', [
    'role:master', 'connected_slaves:0', 'master_failover_state:no-failover', `master_replid:${server.runId}`,
    'master_replid2:0000000000000000000000000000000000000000', 'master_repl_offset:0', 'second_repl_offset:-1',
    'repl_backlog_active:0', `repl_backlog_size:${server.config.get('repl-backlog-size')}`,
    'repl_backlog_first_byte_offset:0', 'repl_backlog_histlen:0',
  ]];
}

export function cpuSection(): Section {
  const u = process.resourceUsage();
  const sec = (us: number) => (us / 1e6).toFixed(6);
  void cpus;
  return ['CPU', [
    `used_cpu_sys:${sec(u.systemCPUTime)}`, `used_cpu_user:${sec(u.userCPUTime)}`, 'used_cpu_sys_children:0.000000',
    'used_cpu_user_children:0.000000', `used_cpu_sys_main_thread:${sec(u.systemCPUTime)}`,
    `used_cpu_user_main_thread:${sec(u.userCPUTime)}`,
  ]];
}

export function commandstatsSection(server: Server): Section {
  const lines: string[] = [];
  for (const top of server.commands.all()) {
    for (const cmd of [top, ...(top.subcommands?.values() ?? [])]) {
      if (cmd.calls === 0 && cmd.failedCalls === 0 && cmd.rejectedCalls === 0) continue;
      const usec = Math.floor(cmd.usec);
      const perCall = cmd.calls === 0 ? 0 : usec / cmd.calls;
      lines.push(`cmdstat_${cmd.fullName}:calls=${cmd.calls},usec=${usec},usec_per_call=${perCall.toFixed(2)},` +
        `rejected_calls=${cmd.rejectedCalls},failed_calls=${cmd.failedCalls}`);
    }
  }
  return ['Commandstats', lines];
}

export function errorstatsSection(server: Server): Section {
  const lines: string[] = [];
  for (const [code, count] of [...server.stats.errorCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`errorstat_${code}:count=${count}`);
  return ['Errorstats', lines];
}

export function keyspaceSection(server: Server): Section {
  const lines: string[] = [];
  for (const db of server.keyspace.dbs) {
    if (db.size === 0) continue;
    lines.push(`db${db.id}:keys=${db.size},expires=${db.expires.size},avg_ttl=${Math.floor(db.avgTtl)}`);
  }
  return ['Keyspace', lines];
}
