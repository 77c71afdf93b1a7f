// The dealer the user acts in. Group users (can_switch_dealer) pick from their group's dealers;
// everyone else just sees their dealer's name.
import { ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/api/client';
import { problemMessage } from '@/api/problem';
import { useMe, useSession } from '../session';

export function DealerSwitcher({ block = false }: { block?: boolean }) {
  const me = useMe();
  const { switchDealer } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [switching, setSwitching] = useState(false);
  const dealers = useQuery({
    queryKey: ['dealers'],
    queryFn: () => unwrap(api.GET('/api/v1/dealers')),
    enabled: me.can_switch_dealer,
    staleTime: 5 * 60_000,
  });

  if (!me.can_switch_dealer) {
    return (
      <Space size={6} className="dealer-name" data-testid="current-dealer">
        <ShopOutlined />
        <Typography.Text ellipsis style={{ maxWidth: block ? 220 : 260 }}>
          {me.dealer.name}
        </Typography.Text>
      </Space>
    );
  }

  const options = (dealers.data ?? [me.dealer]).map((dealer) => ({
    value: dealer.id,
    label: dealer.name,
  }));
  return (
    <Select
      data-testid="dealer-switcher"
      aria-label={t('topbar.dealer')}
      value={me.dealer.id}
      loading={dealers.isLoading || switching}
      disabled={switching}
      options={options}
      suffixIcon={<ShopOutlined />}
      style={{ width: block ? '100%' : 240 }}
      popupMatchSelectWidth={false}
      onChange={async (dealerId: string) => {
        if (dealerId === me.dealer.id) return;
        setSwitching(true);
        try {
          await switchDealer(dealerId);
          const name = dealers.data?.find((d) => d.id === dealerId)?.name ?? '';
          void message.success(t('topbar.dealerSwitched', { name }));
          navigate('/');
        } catch (error) {
          void message.error(problemMessage(t, error));
        } finally {
          setSwitching(false);
        }
      }}
    />
  );
}
