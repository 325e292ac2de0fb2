/** Sessions and login protection (issue 14): 解锁 of a distributor login locked after failed logins. Keys: sessions.<key>. */
export const zhCN = {
  unlock: {
    confirm: '确认解锁账号 {{username}}？该账号因连续登录失败已被锁定，解锁后可立即重新登录。',
    done: '已解锁',
  },
};

export const enUS: typeof zhCN = {
  unlock: {
    confirm: 'Unlock account {{username}}? It was locked after repeated failed logins; once unlocked it may log in again at once.',
    done: 'Unlocked',
  },
};
